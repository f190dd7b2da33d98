"""Admin registrations, one module per sub-domain, as in models/, services/ and views/."""

from bashke.consultation.admin import briefs, deliberation, meetings, surveys  # noqa: F401

"""Registers the consultation's permissions (django-rules autodiscovers this module)."""

from bashke.consultation.permissions import (  # noqa: F401
    briefs,
    deliberation,
    ideas,
    meetings,
    summary,
    surveys,
    wordform,
)

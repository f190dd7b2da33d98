"""Consultation models, one module per sub-domain (ideas, meetings, …)."""

from bashke.consultation.models.ideas import (  # noqa: F401
    OGP_VALUES,
    Channel,
    Idea,
    IdeaDraft,
    IdeaQuerySet,
    IdeaRevision,
    IdeaStatus,
)
from bashke.consultation.models.meetings import Meeting  # noqa: F401

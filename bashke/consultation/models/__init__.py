"""Consultation models, one module per sub-domain (ideas, meetings, …)."""

from bashke.consultation.models.briefs import (  # noqa: F401
    Brief,
    BriefDocument,
    BriefKind,
    Example,
    ExampleTheme,
)
from bashke.consultation.models.deliberation import (  # noqa: F401
    Comment,
    Flag,
    FlagReason,
    FlagResolution,
    Follow,
    NotificationSettings,
    Support,
)
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
from bashke.consultation.models.statements import Statement, Vote  # noqa: F401
from bashke.consultation.models.surveys import (  # noqa: F401
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from bashke.consultation.models.wordform import PendingWordForm  # noqa: F401

"""Assessment models, one module per sub-domain."""

from bashke.assessment.models.assessments import Assessment, CriterionScore, Meets  # noqa: F401
from bashke.assessment.models.criteria import CriteriaSheet, Criterion, SheetStatus  # noqa: F401
from bashke.assessment.models.decisions import Decision, DecisionKind  # noqa: F401
from bashke.assessment.models.forum import ForumDecision, ForumMember  # noqa: F401

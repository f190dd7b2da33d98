"""What became of ideas: the decision, the reasoned response and the measures and activities
they fed — the one module of the consultation that reads the later apps' data.

design.md: "An idea does not know which activity it became; the activity links to its
source ideas, and the idea page asks for them." This is where the idea page (and the idea
list, the input summary, "My participation") asks. It reads only through the reverse
relations those apps declare on ``Idea`` — ``decision`` (assessment's Decision),
``measures`` and ``activities`` (drafting's ``source_ideas``) — and imports neither app:
imports run one way (tests/test_architecture.py), and the consultation must work, and its
pages render, whatever the later apps hold.

Numbers of measures and activities (1.1, 1.1.2) are derived by the drafting app from their
order and are not readable from here; the idea page shows their titles and links to the
plan's table, whose page shows the numbers.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.urls import NoReverseMatch, reverse

from bashke.consultation.models import Idea, IdeaStatus
from bashke.core.text import active_content_language

# A pseudo-status of the idea list's filter: ideas without a decision yet.
AWAITING = "awaiting"


def decision_model():
    return Idea._meta.get_field("decision").related_model


def decision_kinds():
    """[(value, label)] of the decisions the assessment can take, in its order."""
    return list(decision_model()._meta.get_field("kind").choices)


def with_outcome(ideas):
    """Each idea annotated with ``decision_kind`` (None while it awaits a response): one
    join, no query per row."""
    return ideas.annotate(decision_kind=F("decision__kind"))


def awaiting_response(ideas):
    """The ideas that still need an answer: submitted (not withdrawn), not hidden by the
    moderators, and without a decision."""
    return ideas.filter(status=IdeaStatus.SUBMITTED, hidden_at__isnull=True,
                        decision__isnull=True)


def filter_by_outcome(ideas, value):
    """The idea list's status filter for a decision kind, or ``AWAITING``."""
    if value == AWAITING:
        return awaiting_response(ideas)
    return ideas.filter(decision__kind=value)


def kind_label(value) -> str:
    return str(dict(decision_kinds()).get(value, "")) if value else ""


def table_url(plan) -> str:
    """The plan's action plan table, where measures and activities carry their numbers (the
    plan's page until the drafting app names that page)."""
    try:
        return reverse("drafting:table", kwargs={"slug": plan.slug})
    except NoReverseMatch:
        return plan.get_absolute_url()


def decide_url(idea) -> str:
    """Where those who decide answer the idea ("" when the assessment is not installed)."""
    try:
        return reverse("assessment:decide", kwargs={"slug": idea.plan.slug, "pk": idea.pk})
    except NoReverseMatch:
        return ""


@dataclass
class Outcome:
    kind: str
    label: str
    decision: object
    merged_into: Idea | None
    measures: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    table_url: str = ""

    @property
    def response(self):
        return self.decision.response if self.decision is not None else ""

    @property
    def response_language(self):
        """The language the response is shown in (the reader's, or the other when only
        that one was written), for the page's ``lang`` attribute."""
        if self.decision is None:
            return ""
        first = active_content_language()
        return first if getattr(self.decision, f"response_{first}") else (
            "en" if first == "sq" else "sq")

    @property
    def included(self):
        return self.kind == "included"


def outcome_of(idea) -> Outcome | None:
    """The idea's decision with its response and what it fed, or None while it awaits one.
    Three queries at most, whatever the plan holds."""
    try:
        decision = (decision_model().objects.select_related("merged_into__plan")
                    .get(idea_id=idea.pk))
    except ObjectDoesNotExist:
        decision = None
    measures = list(idea.measures.order_by("position", "id"))
    activities = list(idea.activities.select_related("measure").order_by(
        "measure__position", "measure_id", "position", "id"))
    if decision is None and not measures and not activities:
        return None
    kind = decision.kind if decision is not None else ""
    return Outcome(kind=kind, label=kind_label(kind), decision=decision,
                   merged_into=decision.merged_into if decision is not None else None,
                   measures=measures, activities=activities, table_url=table_url(idea.plan))

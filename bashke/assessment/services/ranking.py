"""What the assessors' submitted scores add up to, per idea: the combined score (the mean
of the assessors' totals, each a weighted mean of their scores), the spread between the
lowest and highest total, whether it is wider than the sheet's margin (the assessors
disagree), and how many assessed it. Drafts count for nothing.

The ranking is one aggregate query over the submitted assessments, grouped by idea alone
(``Assessment.total`` is kept on every save, so no score row is read; ranking by one
criterion groups that criterion's score rows instead), then the page's ideas fetched by
id. Grouping the ideas themselves, or a
subquery per idea, carries every column of every idea through the sort: five times slower
at 10,000 ideas. The ideas nobody has assessed yet follow the assessed ones. A page is at
most five queries whatever the number of ideas or assessors.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import (
    Avg,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Max,
    Min,
)
from django.db.models.functions import Cast

from bashke.assessment.models import Assessment, CriterionScore
from bashke.consultation.models import Idea, IdeaStatus

SCORE = DecimalField(max_digits=9, decimal_places=3)
FIGURES = ("combined", "low", "high", "spread", "assessed", "criterion_mean")


@dataclass(frozen=True)
class Filters:
    component: object = None           # a Component, or None for the whole plan
    min_score: Decimal | None = None   # combined (or the criterion's mean) at least this
    criterion: object = None           # a Criterion: rank by its mean score
    disagreement: bool = False         # only ideas whose assessors disagree


def assessable(sheet, component=None):
    ideas = (Idea.objects.for_plan(sheet.plan_id).visible()
             .filter(status=IdeaStatus.SUBMITTED))
    if component is not None:
        ideas = ideas.filter(component=component)
    return ideas


class Ranking:
    """The ideas matching ``filters``, best first, each with the figures above as
    attributes; sliced and counted as a queryset is, so that a ``Paginator`` can page it."""

    def __init__(self, sheet, filters: Filters = Filters()):
        self.sheet, self.filters = sheet, filters
        ideas = assessable(sheet, filters.component)
        key = "criterion_mean" if filters.criterion is not None else "combined"
        if filters.criterion is None:
            groups = (Assessment.objects.filter(sheet=sheet, submitted_at__isnull=False,
                                                idea__in=ideas)
                      .values("idea")
                      .annotate(combined=Avg("total"), low=Min("total"), high=Max("total"),
                                assessed=Count("pk")))
        else:
            # Every saved assessment has one score row per criterion of the sheet (which
            # cannot change once open), so grouping the criterion's rows by idea counts
            # each assessment once and gives the criterion's mean in the same query.
            groups = (CriterionScore.objects.filter(
                criterion=filters.criterion, assessment__sheet=sheet,
                assessment__submitted_at__isnull=False, assessment__idea__in=ideas)
                .values(idea=F("assessment__idea"))
                .annotate(combined=Avg("assessment__total"), low=Min("assessment__total"),
                          high=Max("assessment__total"), assessed=Count("pk"),
                          criterion_mean=Avg(Cast("score", SCORE))))
        groups = groups.annotate(spread=ExpressionWrapper(F("high") - F("low"),
                                                          output_field=SCORE))
        if filters.disagreement:
            groups = groups.filter(spread__gt=sheet.disagreement_margin)
        if filters.min_score is not None:
            groups = groups.filter(**{f"{key}__gte": filters.min_score})
        self.groups = groups.order_by(F(key).desc(nulls_last=True), "-assessed", "idea")
        # Ideas nobody has assessed come last, unless a filter asks for a score.
        if filters.min_score is not None or filters.disagreement:
            self.rest = ideas.none()
        else:
            self.rest = ideas.exclude(pk__in=Assessment.objects.filter(
                sheet=sheet, submitted_at__isnull=False).values("idea")).order_by("title", "id")

    @cached_property
    def assessed_count(self):
        return self.groups.count()

    @cached_property
    def total(self):
        return self.assessed_count + self.rest.count()

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(self[0:self.total])

    def __getitem__(self, part):
        if not isinstance(part, slice):
            return self[part:part + 1][0]
        start, stop = part.start or 0, part.stop if part.stop is not None else self.total
        found = []
        if start < self.assessed_count:
            rows = list(self.groups[start:min(stop, self.assessed_count)])
            ideas = Idea.objects.select_related("plan", "component").in_bulk(
                [row["idea"] for row in rows])
            for row in rows:
                idea = ideas[row["idea"]]
                for name in FIGURES:
                    setattr(idea, name, row.get(name))
                found.append(idea)
        if stop > self.assessed_count:
            rest = self.rest.select_related("plan", "component")[
                max(start - self.assessed_count, 0):stop - self.assessed_count]
            for idea in rest:
                for name in FIGURES:
                    setattr(idea, name, 0 if name == "assessed" else None)
                found.append(idea)
        return found


def ranked_ideas(sheet, filters: Filters = Filters()) -> Ranking:
    return Ranking(sheet, filters)


def disagrees(sheet, idea) -> bool:
    """Whether the assessors of a ranked idea disagree by more than the margin."""
    spread = getattr(idea, "spread", None)
    return spread is not None and spread > sheet.disagreement_margin


def idea_summary(sheet, idea):
    """The same figures for one idea (its page, the scoring page), in one query."""
    figures = Assessment.objects.filter(sheet=sheet, idea=idea, submitted_at__isnull=False
                                        ).aggregate(combined=Avg("total"), low=Min("total"),
                                                    high=Max("total"), assessed=Count("pk"))
    spread = None
    if figures["low"] is not None:
        spread = figures["high"] - figures["low"]
    return {**figures, "spread": spread,
            "disagree": spread is not None and spread > sheet.disagreement_margin}


def rounded(value):
    """A figure to three decimals, the same on every database (SQLite and PostgreSQL
    return means with different precision)."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.001"))

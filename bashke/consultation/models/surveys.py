"""Surveys: "online consultation … through innovative methods (e.g. surveys)" (seed).

Answers are stored normalised, one ``SurveyAnswer`` row per chosen option, rank, scale value or
text, so that the results of any number of responses are a single GROUP BY in the
database (:meth:`AnswerQuerySet.tally`) and the page never loads the answers themselves.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bashke.core.text import Bilingual, format_moment
from bashke.plans.models import ActionPlan, Component

SHORT_TEXT_LIMIT = 300
LONG_TEXT_LIMIT = 5000
SCALE_VALUES = range(1, 6)


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (only its editors see it)")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class ResultsVisibility(models.TextChoices):
    # Results shown while a survey runs can sway the people who answer later, so the
    # default keeps them for its editors until it closes.
    AFTER_CLOSE = "after_close", _("Public once the survey closes")
    LIVE = "live", _("Public as the answers come in")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SHORT_TEXT = "short_text", _("Short text (up to 300 characters)")
    LONG_TEXT = "long_text", _("Long text (up to 5,000 characters)")
    SCALE = "scale", _("Scale from 1 to 5")
    RANKING = "ranking", _("Ranking of options")


CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING})
TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})


class SurveyQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)

    def public(self):
        return self.exclude(status=SurveyStatus.DRAFT)

    def for_page(self):
        return self.select_related("plan", "plan__jurisdiction", "component")

    def in_order(self):
        return self.order_by("-opens_at", "-id")

    def with_response_counts(self):
        """The surveys as a list, each with ``response_count``: one GROUP BY over the
        responses' survey index (an annotation would group every survey column and read
        each response row)."""
        surveys = list(self)
        counts = dict(SurveyResponse.objects.filter(survey__in=[s.pk for s in surveys])
                      .values_list("survey").annotate(count=Count("*")).order_by())
        for survey in surveys:
            survey.response_count = counts.get(survey.pk, 0)
        return surveys


class Survey(Bilingual, models.Model):
    bilingual_fields = ("title", "intro")
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="surveys",
                             verbose_name=_("action plan"))
    component = models.ForeignKey(
        Component, null=True, blank=True, on_delete=models.PROTECT, related_name="surveys",
        verbose_name=_("component"), help_text=_("Leave empty for a survey on the whole plan."))
    title_sq = models.CharField(_("title (Albanian)"), max_length=250, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    intro_sq = models.TextField(_("introduction (Albanian)"), max_length=5000, blank=True)
    intro_en = models.TextField(_("introduction (English)"), max_length=5000, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    allow_anonymous = models.BooleanField(
        _("accept answers without an account"), default=False,
        help_text=_("Anonymous answers are limited per network address."))
    results_visibility = models.CharField(_("results"), max_length=12,
                                          choices=ResultsVisibility.choices,
                                          default=ResultsVisibility.AFTER_CLOSE)
    status = models.CharField(_("status"), max_length=10, choices=SurveyStatus.choices,
                              default=SurveyStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                   name="survey_closes_after_it_opens"),
            models.CheckConstraint(condition=~Q(title_sq="", title_en=""),
                                   name="survey_has_a_title"),
        ]

    def __str__(self):
        return self.title_en or self.title_sq

    def get_absolute_url(self):
        return reverse("consultation:survey", kwargs={"slug": self.plan.slug, "pk": self.pk})

    @property
    def place(self):
        """What its editors' rights are read from: the component, else the plan."""
        return self.component if self.component_id else self.plan

    def phase(self, now=None) -> str:
        """draft, upcoming, open or closed: whether answers are taken right now."""
        now = now or timezone.now()
        if self.status == SurveyStatus.DRAFT:
            return "draft"
        if self.status == SurveyStatus.CLOSED or now >= self.closes_at:
            return "closed"
        return "upcoming" if now < self.opens_at else "open"

    @property
    def opens_label(self):
        return format_moment(self.opens_at)

    @property
    def closes_label(self):
        return format_moment(self.closes_at)

    def results_are_public(self, now=None) -> bool:
        phase = self.phase(now)
        if phase == "draft":
            return False
        return phase == "closed" or self.results_visibility == ResultsVisibility.LIVE


class SurveyQuestion(Bilingual, models.Model):
    bilingual_fields = ("text", "help", "low_label", "high_label")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind of question"), max_length=12, choices=QuestionKind.choices)
    text_sq = models.CharField(_("question (Albanian)"), max_length=500, blank=True)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    help_sq = models.CharField(_("guidance (Albanian)"), max_length=500, blank=True)
    help_en = models.CharField(_("guidance (English)"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=True)
    min_choices = models.PositiveSmallIntegerField(_("at least this many choices"), null=True,
                                                   blank=True)
    max_choices = models.PositiveSmallIntegerField(_("at most this many choices"), null=True,
                                                   blank=True)
    low_label_sq = models.CharField(_("meaning of 1 (Albanian)"), max_length=100, blank=True)
    low_label_en = models.CharField(_("meaning of 1 (English)"), max_length=100, blank=True)
    high_label_sq = models.CharField(_("meaning of 5 (Albanian)"), max_length=100, blank=True)
    high_label_en = models.CharField(_("meaning of 5 (English)"), max_length=100, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text_en or self.text_sq

    @property
    def field_name(self):
        return f"q-{self.pk}"

    @property
    def has_options(self):
        return self.kind in CHOICE_KINDS

    @property
    def text_limit(self):
        return SHORT_TEXT_LIMIT if self.kind == QuestionKind.SHORT_TEXT else LONG_TEXT_LIMIT


class SurveyOption(Bilingual, models.Model):
    bilingual_fields = ("label",)
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=1)
    label_sq = models.CharField(_("option (Albanian)"), max_length=300, blank=True)
    label_en = models.CharField(_("option (English)"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.label_en or self.label_sq


class SurveyResponse(models.Model):
    """One person's answers to a survey. Who answered is kept only to allow one response per
    account; it is never shown or exported."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    # For answers without an account: the token of the browser's survey cookie, so that a
    # double click or a reload does not count twice.
    session_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], condition=Q(user__isnull=False),
                                    name="one_survey_response_per_account"),
            models.UniqueConstraint(fields=["survey", "session_key"],
                                    condition=~Q(session_key=""),
                                    name="one_survey_response_per_browser"),
        ]

    def __str__(self):
        return f"response {self.pk} to survey {self.survey_id}"


class AnswerQuerySet(models.QuerySet):
    def tally(self, questions):
        """Rows (question, option, number, count) for the questions: every count, scale
        value and rank of the survey in one GROUP BY over the ``survey_answer_tally``
        index, whatever the number of responses."""
        return (self.filter(question_id__in=[q.pk for q in questions])
                .values_list("question_id", "option_id", "number")
                .annotate(count=Count("*")).order_by())

    def texts(self, question):
        # Empty texts are never stored, so the tally index answers this on its own.
        return self.filter(question=question, option__isnull=True,
                           number__isnull=True).order_by("-response_id")


class SurveyAnswer(models.Model):
    """One part of a response: a chosen option (``number`` = its place among the options
    chosen, so counting the 1s counts the people who answered), an option's rank
    (``number`` = the rank), a scale value (``number``) or a text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    # The tally index starts with the question, so no index of its own is needed; PROTECT:
    # a question or option that has answers cannot disappear under them.
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers",
                                 db_index=False)
    option = models.ForeignKey(SurveyOption, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=LONG_TEXT_LIMIT)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [
            # Covers the results' GROUP BY (question, option, number) without reading the
            # table, and, through its trailing response, lists a question's texts newest
            # first (option and number are NULL for texts).
            models.Index(fields=["question", "option", "number", "response"],
                         name="survey_answer_tally"),
        ]

    def __str__(self):
        return f"answer to question {self.question_id}"


# Results ---------------------------------------------------------------------------------
# Built from the tally's few rows, never from the answers: means, average ranks and Borda
# scores follow exactly from the counts per value, so they need no second pass.

@dataclass
class OptionResult:
    option: SurveyOption
    count: int = 0
    percent: float = 0.0
    ranks: list[int] = field(default_factory=list)  # ranking: people who gave rank 1, 2, …
    average_rank: float | None = None
    borda: int | None = None


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    options: list[OptionResult] = field(default_factory=list)
    distribution: list[tuple[int, int, float]] = field(default_factory=list)  # scale
    mean: float | None = None


def _percent(part, whole) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def survey_results(questions, tally_rows) -> list[QuestionResult]:
    """One result per question (options prefetched), from :meth:`AnswerQuerySet.tally`."""
    counts = {}
    for question_id, option_id, number, count in tally_rows:
        counts[question_id, option_id, number] = count
    results = []
    for question in questions:
        mine = {(o, n): c for (q, o, n), c in counts.items() if q == question.pk}
        result = QuestionResult(question)
        if question.kind == QuestionKind.SCALE:
            result.answered = sum(mine.values())
            result.distribution = [(value, mine.get((None, value), 0),
                                    _percent(mine.get((None, value), 0), result.answered))
                                   for value in SCALE_VALUES]
            if result.answered:
                total = sum(value * count for value, count, _p in result.distribution)
                result.mean = round(total / result.answered, 2)
        elif question.kind in TEXT_KINDS:
            result.answered = sum(mine.values())
        else:
            # One row per person has number 1: the first option chosen, or the first rank.
            result.answered = sum(c for (_o, n), c in mine.items() if n == 1)
            options = list(question.options.all())
            for option in options:
                item = OptionResult(option)
                item.count = sum(c for (o, _n), c in mine.items() if o == option.pk)
                if question.kind == QuestionKind.RANKING:
                    _rank_figures(item, mine, len(options), result.answered)
                else:
                    item.percent = _percent(item.count, result.answered)
                result.options.append(item)
        results.append(result)
    return results


def _rank_figures(item, mine, size, answered):
    item.ranks = [mine.get((item.option.pk, rank), 0) for rank in range(1, size + 1)]
    ranked = sum(item.ranks)
    if ranked:
        item.average_rank = round(sum(rank * count for rank, count in
                                      enumerate(item.ranks, 1)) / ranked, 2)
    # Borda count: an option ranked r-th of n earns n - r points from that person.
    item.borda = sum((size - rank) * count for rank, count in enumerate(item.ranks, 1))
    item.percent = _percent(item.ranks[0] if item.ranks else 0, answered)

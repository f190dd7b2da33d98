"""An idea for the action plan, as the seed's "Stakeholder Input" form asks for it."""

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashke.accounts.models import Organisation
from bashke.plans.models import ActionPlan, Component, Institution, PolicyGoal

LANGUAGES = [("sq", _("Albanian")), ("en", _("English"))]


class Channel(models.TextChoices):
    ONLINE = "online", _("Online form")
    WORD = "word", _("Word form")
    EMAIL = "email", _("E-mail")
    PAPER = "paper", _("On paper")
    MEETING = "meeting", _("Consultation meeting")
    API = "api", _("API")


class IdeaStatus(models.TextChoices):
    # The consultation's own states. The decision on an idea belongs to the assessment that
    # reads it; the idea page asks the assessment, the idea never stores it.
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")


# Question 6 of the form: (field prefix, label). Each has a yes/no and an explanation.
OGP_VALUES = [
    ("transparency", _("Transparency & access to information")),
    ("participation", _("Public & civic participation")),
    ("accountability", _("Government accountability")),
    ("technology", _("Technology & innovation for transparency & accountability")),
]
# The seven questions' answer fields, in the seed's order (6 and 7 are structured apart).
ANSWER_FIELDS = ["overall_idea", "problem", "solution", "objective_impact", "beneficiaries"]


def fold(text: str) -> str:
    """Lower case without diacritics, so that "shendetesi" finds "shëndetësi"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _count_per_idea(rows):
    counted = (rows.filter(idea=OuterRef("pk")).order_by().values("idea")
               .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class IdeaQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)

    def for_plan(self, plan):
        return self.filter(plan=plan)

    def for_component(self, component):
        return self.filter(component=component)

    def search(self, query: str):
        words = [word for word in fold(query).split() if word]
        for word in words[:10]:
            self = self.filter(search_text__contains=word)
        return self

    def with_counts(self):
        """Supporters and visible comments of each idea. Correlated subqueries rather than
        joins: a page sorted by date counts for its own twenty rows only, where a join
        would group every idea of the plan first."""
        supports = self.model.supports.rel.related_model.objects
        comments = self.model.comments.rel.related_model.objects.filter(hidden_at__isnull=True)
        return self.annotate(
            support_count=_count_per_idea(supports), comment_count=_count_per_idea(comments))

    def for_list(self):
        return self.select_related("plan", "goal", "component", "organisation", "author")

    def for_page(self):
        """What one idea's page shows of it: its placement, agencies, earlier versions and
        number of supporters, in a fixed number of queries."""
        return (self.select_related("plan__jurisdiction", "goal", "component", "organisation",
                                    "author", "meeting")
                .prefetch_related("agencies", "revisions")
                .annotate(support_count=models.Count("supports", distinct=True)))


class Idea(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="ideas",
                             verbose_name=_("action plan"))
    goal = models.ForeignKey(PolicyGoal, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="ideas", verbose_name=_("policy goal"))
    component = models.ForeignKey(Component, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="ideas", verbose_name=_("component"))
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("written in"), max_length=2, choices=LANGUAGES, default="sq")

    # The seed's questions 1–5.
    overall_idea = models.TextField(_("1. Describe the overall idea"), max_length=5000)
    problem = models.TextField(_("2. What is the problem the idea will address?"),
                               max_length=5000, blank=True)
    solution = models.TextField(_("3. How will the idea help solve the problem?"),
                                max_length=5000, blank=True)
    objective_impact = models.TextField(
        _("4. Main objective of the idea / what would be the impact if implemented?"),
        max_length=5000, blank=True)
    beneficiaries = models.TextField(_("5. Main beneficiaries / who benefits?"),
                                     max_length=3000, blank=True)
    # Question 6: a yes/no (None = not answered) and an optional explanation per OGP value.
    improves_transparency = models.BooleanField(null=True, blank=True)
    transparency_explanation = models.TextField(max_length=2000, blank=True)
    improves_participation = models.BooleanField(null=True, blank=True)
    participation_explanation = models.TextField(max_length=2000, blank=True)
    improves_accountability = models.BooleanField(null=True, blank=True)
    accountability_explanation = models.TextField(max_length=2000, blank=True)
    improves_technology = models.BooleanField(null=True, blank=True)
    technology_explanation = models.TextField(max_length=2000, blank=True)
    # Question 7.
    agencies = models.ManyToManyField(Institution, blank=True, related_name="proposed_in_ideas",
                                      verbose_name=_("7. Main implementing agencies"))
    other_agencies = models.CharField(_("Other agencies (typed)"), max_length=500, blank=True)

    # Who submitted it, and how.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="ideas",
                               verbose_name=_("author"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="ideas",
                                     verbose_name=_("on behalf of"))
    submitter_name = models.CharField(
        _("submitter's name"), max_length=200, blank=True,
        help_text=_("For ideas recorded by staff: the name the person gave."))
    publish_name = models.BooleanField(_("publish the submitter's name"), default=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices,
                               default=Channel.ONLINE)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("recorded by"))
    meeting = models.ForeignKey("consultation.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="ideas",
                                verbose_name=_("raised at the meeting"))

    status = models.CharField(_("status"), max_length=10, choices=IdeaStatus.choices,
                              default=IdeaStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Moderation: hidden content keeps its place, with the reason shown instead.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    # Folded text of the title and answers, for diacritic-insensitive search on any database.
    search_text = models.TextField(editable=False, blank=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [models.Index(fields=["plan", "-submitted_at"], name="idea_plan_newest")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        parts = [self.title, *(getattr(self, f) for f in ANSWER_FIELDS), self.other_agencies]
        self.search_text = fold(" ".join(parts))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consultation:idea", kwargs={"slug": self.plan.slug, "pk": self.pk})

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def public_name(self):
        """The name shown with the idea: the organisation's, or the person's when they
        consented; otherwise nothing."""
        if self.organisation_id:
            return self.organisation.name
        if not self.publish_name:
            return ""
        return self.author.public_name if self.author_id else self.submitter_name

    def ogp_values(self):
        """[(prefix, label, yes/no/None, explanation)] for question 6."""
        return [(prefix, label, getattr(self, f"improves_{prefix}"),
                 getattr(self, f"{prefix}_explanation")) for prefix, label in OGP_VALUES]

    def answers(self) -> dict:
        """Every answer of the form as plain data (the API and the Word export use it)."""
        data = {field: getattr(self, field) for field in ["title", *ANSWER_FIELDS]}
        for prefix, _label in OGP_VALUES:
            data[f"improves_{prefix}"] = getattr(self, f"improves_{prefix}")
            data[f"{prefix}_explanation"] = getattr(self, f"{prefix}_explanation")
        data["other_agencies"] = self.other_agencies
        return data


class IdeaRevision(models.Model):
    """The idea as it was before each edit: every edit is kept in the history."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    answers = models.JSONField()

    class Meta:
        ordering = ["idea", "number"]
        constraints = [models.UniqueConstraint(fields=["idea", "number"],
                                               name="idea_revision_number_unique")]

    def __str__(self):
        return f"{self.idea} v{self.number}"


class IdeaDraft(models.Model):
    """What a person has typed into the idea form and not yet submitted (autosaved)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="idea_drafts")
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "plan"],
                                               name="one_idea_draft_per_user_and_plan")]

    def __str__(self):
        return f"draft by {self.user_id} for {self.plan_id}"

"""Jurisdictions, action plans and their cycle: stages, policy goals, components, roles."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bashke.core.text import Bilingual
from bashke.plans import calendar


class Jurisdiction(Bilingual, models.Model):
    class Kind(models.TextChoices):
        NATIONAL = "national", _("National government")
        LOCAL = "local", _("Local government (OGP Local)")

    bilingual_fields = ("name",)
    slug = models.SlugField(unique=True)
    name_sq = models.CharField(_("name (Albanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    country_code = models.CharField(_("country code"), max_length=2,
                                    help_text=_("ISO 3166-1 alpha-2, e.g. AL"))
    ogp_member_since = models.PositiveSmallIntegerField(_("OGP member since"), null=True,
                                                        blank=True)

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self):
        return self.name_en or self.name_sq


class Institution(Bilingual, models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        AGENCY = "agency", _("Agency")
        CSO = "cso", _("Civil society organisation")
        INTERNATIONAL = "international", _("International organisation")
        ACADEMIA = "academia", _("Academia")
        PRIVATE = "private", _("Private sector")
        OTHER_PUBLIC = "public", _("Other public body")

    bilingual_fields = ("name",)
    name_sq = models.CharField(_("name (Albanian)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            models.UniqueConstraint(fields=["name_en"], name="institution_unique_english_name"),
        ]

    def __str__(self):
        return f"{self.name_en} ({self.acronym})" if self.acronym else self.name_en

    @property
    def short(self):
        return self.acronym or self.name


class PlanStatus(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    # "Në konsultim" as a status; the admin's app of the same English name is "Konsultimi".
    CONSULTATION = "consultation", pgettext_lazy("plan status", "Consultation")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    IMPLEMENTING = "implementing", _("Implementing")
    COMPLETED = "completed", _("Completed")


class ActionPlan(Bilingual, models.Model):
    bilingual_fields = ("title", "summary")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="plans",
                                     verbose_name=_("jurisdiction"))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("5 for the fifth plan"))
    slug = models.SlugField(unique=True, help_text=_("e.g. albania-2020-2022"))
    title_sq = models.CharField(_("title (Albanian)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    summary_sq = models.TextField(_("summary (Albanian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=15, choices=PlanStatus.choices,
                              default=PlanStatus.DRAFTING)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next",
        verbose_name=_("previous plan"),
    )
    gap_reason = models.TextField(
        _("reason for the gap"), blank=True,
        help_text=_("Required when the plan does not begin the day after the previous one ends."),
    )
    length_override_reason = models.TextField(
        _("reason for a non-standard length"), blank=True,
        help_text=_("Required when the plan runs neither two nor four years."),
    )
    created_at = models.DateTimeField(auto_now_add=True)


    class Meta:
        ordering = ["jurisdiction", "-start"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")),
                                   name="plan_ends_after_start"),
            models.UniqueConstraint(fields=["jurisdiction", "number"],
                                    name="plan_number_unique_per_jurisdiction"),
        ]

    def __str__(self):
        return self.title_en or self.title_sq

    def get_absolute_url(self):
        return reverse("plans:plan", kwargs={"slug": self.slug})

    @property
    def audit_scope(self):
        return f"plan:{self.pk}"

    @property
    def period_label(self):
        return f"{self.start.year}–{self.end.year}"

    @property
    def length_months(self):
        return calendar.months_between(self.start, self.end)

    @property
    def drafting_window(self):
        """The last six months of this plan: when its successor should be co-created."""
        return calendar.last_six_months(self.end)

    @property
    def gap_days(self):
        """Days between the previous plan's end and this start (0 = continuous)."""
        if self.previous is None:
            return None
        return (self.start - self.previous.end).days - 1


class StageKind(models.TextChoices):
    MOBILISATION = "mobilisation", _("Mobilisation")
    METHODOLOGY = "methodology", _("Methodological package")
    ONLINE_CONSULTATION = "online_consultation", _("Online consultation")
    PRIORITISATION = "prioritisation", _("Prioritisation of ideas")
    DRAFTING = "drafting", _("Drafting with civil society")
    CONSOLIDATION = "consolidation", _("Consolidation")
    DRAFT_CONSULTATION = "draft_consultation", _("Public consultation on the draft")
    APPROVAL = "approval", _("Approval")
    IMPLEMENTATION = "implementation", _("Implementation")
    MONITORING = "monitoring", _("Monitoring")


class Phase(models.IntegerChoices):
    CO_CREATION = 1, _("Co-creation")
    APPROVAL = 2, _("Approval")
    IMPLEMENTATION = 3, _("Implementation")


PHASE_OF_KIND = {
    StageKind.MOBILISATION: Phase.CO_CREATION,
    StageKind.METHODOLOGY: Phase.CO_CREATION,
    StageKind.ONLINE_CONSULTATION: Phase.CO_CREATION,
    StageKind.PRIORITISATION: Phase.CO_CREATION,
    StageKind.DRAFTING: Phase.CO_CREATION,
    StageKind.CONSOLIDATION: Phase.CO_CREATION,
    StageKind.DRAFT_CONSULTATION: Phase.CO_CREATION,
    StageKind.APPROVAL: Phase.APPROVAL,
    StageKind.IMPLEMENTATION: Phase.IMPLEMENTATION,
    StageKind.MONITORING: Phase.IMPLEMENTATION,
}
# Stages in which the public can put ideas or comments into the plan.
CONSULTATION_KINDS = frozenset({
    StageKind.ONLINE_CONSULTATION, StageKind.PRIORITISATION, StageKind.DRAFTING,
    StageKind.DRAFT_CONSULTATION,
})


class StageQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("start", "end", "id")


class Stage(Bilingual, models.Model):
    bilingual_fields = ("title", "description")
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="stages",
                             verbose_name=_("action plan"))
    kind = models.CharField(_("kind"), max_length=25, choices=StageKind.choices)
    title_sq = models.CharField(_("title (Albanian)"), max_length=250, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    description_sq = models.TextField(_("description (Albanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    responsible = models.ForeignKey(Institution, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("responsible institution"))

    objects = StageQuerySet.as_manager()

    class Meta:
        ordering = ["start", "end", "id"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="stage_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.start}–{self.end}"

    @property
    def phase(self):
        return PHASE_OF_KIND[self.kind]

    @property
    def heading(self):
        return self.title or self.get_kind_display()

    def history_name(self):
        return self.heading

    @property
    def is_consultation(self):
        return self.kind in CONSULTATION_KINDS

    def state_on(self, day: datetime.date) -> str:
        if day < self.start:
            return "upcoming"
        if day > self.end:
            return "past"
        return "current"


class PolicyGoal(Bilingual, models.Model):
    bilingual_fields = ("title", "description")
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals",
                             verbose_name=_("action plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title_sq = models.CharField(_("title (Albanian)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    description_sq = models.TextField(_("description (Albanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("policy goal")
        verbose_name_plural = _("policy goals")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="goal_number_unique_per_plan"),
        ]

    def __str__(self):
        return f"{calendar.roman(self.number)}. {self.title_en}"

    @property
    def numeral(self):
        return calendar.roman(self.number)

    def history_name(self):
        return f"{self.numeral}. {self.title}"


class Component(Bilingual, models.Model):
    bilingual_fields = ("title", "description")
    goal = models.ForeignKey(PolicyGoal, on_delete=models.CASCADE, related_name="components",
                             verbose_name=_("policy goal"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    slug = models.SlugField(max_length=80)
    title_sq = models.CharField(_("title (Albanian)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    description_sq = models.TextField(_("description (Albanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    leaders = models.ManyToManyField(Institution, related_name="led_components", blank=True,
                                     verbose_name=_("leading institutions"))
    secretariat = models.ManyToManyField(Institution, related_name="secretariat_of", blank=True,
                                         verbose_name=_("technical secretariat"))

    class Meta:
        ordering = ["goal__number", "position", "id"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        constraints = [
            models.UniqueConstraint(fields=["goal", "slug"], name="component_slug_unique_per_goal"),
        ]

    def __str__(self):
        return self.title_en


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    COMPONENT_LEADER = "component_leader", _("Component leader")
    SECRETARIAT = "secretariat", _("Secretariat member")
    ASSESSOR = "assessor", _("Assessor")
    REVIEWER = "reviewer", _("Independent reviewer")
    MODERATOR = "moderator", _("Moderator")


class PlanRoleQuerySet(models.QuerySet):
    def for_user(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class PlanRole(models.Model):
    """A person's role in one plan; component leaders and secretariat members name their
    component. Kept here, not in ``accounts``, because a role points at a plan and imports
    run from plans to accounts, never back."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="plan_roles", verbose_name=_("person"))
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="roles",
                             verbose_name=_("action plan"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    component = models.ForeignKey(Component, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="roles", verbose_name=_("component"))

    objects = PlanRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan role")
        verbose_name_plural = _("plan roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "plan", "role", "component"],
                                    condition=models.Q(component__isnull=False),
                                    name="plan_role_unique_per_component"),
            models.UniqueConstraint(fields=["user", "plan", "role"],
                                    condition=models.Q(component__isnull=True),
                                    name="plan_role_unique_per_plan"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.plan}"

    def audit_repr(self):
        where = self.component or self.plan
        return f"{self.get_role_display()} – {where}"

    def history_name(self):
        # The role and where it is held, in the reader's language; never the person.
        where = self.component or self.plan
        return f"{self.get_role_display()} – {where.title}"

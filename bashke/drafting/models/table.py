"""The action plan table, as the seed lays it out: policy goal ► specific objective (1) ►
measure (1.1) ► activity (1.1.1). Numbers are never stored: they follow from the order
(``drafting/numbering.py``), so moving an item renumbers everything after it.

Amounts are in thousand lek, exact decimals; the financing gap is derived (cost − state
budget − foreign financing) and never typed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting
from bashke.core.text import Bilingual
from bashke.plans.models import Component, Institution

MONEY = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class Objective(Bilingual, models.Model):
    """A specific objective of a policy goal, drafted within one of its components (whose
    leaders may edit it)."""

    bilingual_fields = ("title", "description")

    component = models.ForeignKey(Component, on_delete=models.PROTECT,
                                  related_name="objectives", verbose_name=_("component"))
    position = models.PositiveIntegerField(_("position"), default=1)
    title_sq = models.CharField(_("title (Albanian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_sq = models.TextField(_("description (Albanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("specific objective")
        verbose_name_plural = _("specific objectives")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title_en or self.title_sq


class Measure(Bilingual, models.Model):
    """A measure: an OGP commitment, with the fields of OGP's commitment template."""

    bilingual_fields = ("title", "problem", "status_quo", "description", "how_it_helps",
                        "transparency", "participation", "accountability", "technology",
                        "additional_information")

    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="measures",
                                  verbose_name=_("specific objective"))
    position = models.PositiveIntegerField(_("position"), default=1)
    # OGP's identifier once the commitment is published (e.g. "AL0065").
    ogp_id = models.CharField(_("OGP commitment ID"), max_length=20, blank=True)
    title_sq = models.CharField(_("title (Albanian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    problem_sq = models.TextField(_("problem addressed (Albanian)"), blank=True)
    problem_en = models.TextField(_("problem addressed (English)"), blank=True)
    status_quo_sq = models.TextField(_("status quo (Albanian)"), blank=True)
    status_quo_en = models.TextField(_("status quo (English)"), blank=True)
    description_sq = models.TextField(_("what the commitment is (Albanian)"), blank=True)
    description_en = models.TextField(_("what the commitment is (English)"), blank=True)
    how_it_helps_sq = models.TextField(_("how it helps solve the problem (Albanian)"),
                                       blank=True)
    how_it_helps_en = models.TextField(_("how it helps solve the problem (English)"),
                                       blank=True)
    # Relevance to each OGP value: an explanation; empty means "not relevant".
    transparency_sq = models.TextField(_("relevance to transparency (Albanian)"), blank=True)
    transparency_en = models.TextField(_("relevance to transparency (English)"), blank=True)
    participation_sq = models.TextField(_("relevance to civic participation (Albanian)"),
                                        blank=True)
    participation_en = models.TextField(_("relevance to civic participation (English)"),
                                        blank=True)
    accountability_sq = models.TextField(_("relevance to public accountability (Albanian)"),
                                         blank=True)
    accountability_en = models.TextField(_("relevance to public accountability (English)"),
                                         blank=True)
    technology_sq = models.TextField(_("relevance to technology and innovation (Albanian)"),
                                     blank=True)
    technology_en = models.TextField(_("relevance to technology and innovation (English)"),
                                     blank=True)
    lead_institution = models.ForeignKey(Institution, null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="led_measures",
                                         verbose_name=_("lead implementing institution"))
    other_government_actors = models.TextField(_("other actors: government"), blank=True)
    civil_society_actors = models.TextField(_("other actors: civil society"), blank=True)
    private_sector_actors = models.TextField(_("other actors: private sector"), blank=True)
    additional_information_sq = models.TextField(
        _("additional information: budget, strategies, SDGs (Albanian)"), blank=True)
    additional_information_en = models.TextField(
        _("additional information: budget, strategies, SDGs (English)"), blank=True)
    source_ideas = models.ManyToManyField(Idea, blank=True, related_name="measures",
                                          verbose_name=_("ideas it came from"))
    # A consultation meeting that selected this measure among the priorities: the evidence
    # of that decision.
    evidence_meeting = models.ForeignKey(Meeting, null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="measures",
                                         verbose_name=_("meeting that selected it"))
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["position", "id"]

    def __str__(self):
        return self.title_en or self.title_sq


class Activity(Bilingual, models.Model):
    """An activity (OGP's milestone), one row of the seed's table."""

    bilingual_fields = ("title", "indicator", "target")

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="activities",
                                verbose_name=_("measure"))
    position = models.PositiveIntegerField(_("position"), default=1)
    title_sq = models.CharField(_("activity (Albanian)"), max_length=1000, blank=True)
    title_en = models.CharField(_("activity (English)"), max_length=1000, blank=True)
    responsible = models.ForeignKey(Institution, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="responsible_for_activities",
                                    verbose_name=_("responsible institution"))
    other_responsible = models.ManyToManyField(
        Institution, blank=True, related_name="supporting_activities",
        verbose_name=_("other responsible institutions"))
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    cost = models.DecimalField(_("indicative cost (thousand lek)"), **MONEY)
    state_budget = models.DecimalField(_("state budget (thousand lek)"), **MONEY)
    foreign_financing = models.DecimalField(_("foreign financing (thousand lek)"), **MONEY)
    indicator_sq = models.TextField(_("indicator (Albanian)"), blank=True)
    indicator_en = models.TextField(_("indicator (English)"), blank=True)
    target_sq = models.TextField(_("target / deliverable (Albanian)"), blank=True)
    target_en = models.TextField(_("target / deliverable (English)"), blank=True)
    source_ideas = models.ManyToManyField(Idea, blank=True, related_name="activities",
                                          verbose_name=_("ideas it came from"))
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(cost__gte=0) | models.Q(cost__isnull=True),
                                   name="activity_cost_not_negative"),
            models.CheckConstraint(
                condition=models.Q(state_budget__gte=0) | models.Q(state_budget__isnull=True),
                name="activity_state_budget_not_negative"),
            models.CheckConstraint(
                condition=(models.Q(foreign_financing__gte=0)
                           | models.Q(foreign_financing__isnull=True)),
                name="activity_foreign_financing_not_negative"),
            models.CheckConstraint(
                condition=(models.Q(end__gte=models.F("start")) | models.Q(end__isnull=True)
                           | models.Q(start__isnull=True)),
                name="activity_ends_after_start"),
        ]

    def __str__(self):
        return self.title_en or self.title_sq

    @property
    def financing_gap(self):
        """Cost − state budget − foreign financing; None while the cost is unknown."""
        if self.cost is None:
            return None
        return self.cost - (self.state_budget or 0) - (self.foreign_financing or 0)

"""The criteria sheet of a plan: the seed's "Criteria" slides, one row per specific
criterion, with the weight and score scale the coordinator sets before assessment opens."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.core.text import Bilingual
from bashke.plans.models import ActionPlan


class SheetStatus(models.TextChoices):
    # Criteria, weights and scale can change only while preparing: once an assessor has
    # scored against them, changing them would change the meaning of the scores.
    PREPARING = "preparing", _("Being prepared")
    OPEN = "open", _("Open for assessment")
    CLOSED = "closed", _("Closed")


class CriteriaSheet(models.Model):
    plan = models.OneToOneField(ActionPlan, on_delete=models.CASCADE,
                                related_name="criteria_sheet", verbose_name=_("action plan"))
    status = models.CharField(_("status"), max_length=10, choices=SheetStatus.choices,
                              default=SheetStatus.PREPARING)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=3)
    # Assessors disagree when their combined scores for one idea lie further apart than this.
    disagreement_margin = models.DecimalField(
        _("disagreement margin"), max_digits=5, decimal_places=2, default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0"))])
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("criteria sheet")
        verbose_name_plural = _("criteria sheets")
        constraints = [
            models.CheckConstraint(condition=models.Q(scale_max__gt=models.F("scale_min")),
                                   name="criteria_sheet_scale_ascends"),
        ]

    def __str__(self):
        return f"{self.plan} – {self._meta.verbose_name}"


class Criterion(Bilingual, models.Model):
    bilingual_fields = ("group", "title", "guidance")

    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="criteria",
                              verbose_name=_("criteria sheet"))
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    # A stable key (e.g. "measurable") for the offline sheet's columns and the API.
    code = models.SlugField(_("code"), max_length=40)
    # The seed's "Criteria" column (e.g. "Verifiability"); "title" is its "Specific criteria"
    # column, or the same words where the seed has no specific criterion.
    group_sq = models.CharField(_("criterion (Albanian)"), max_length=200)
    group_en = models.CharField(_("criterion (English)"), max_length=200)
    title_sq = models.CharField(_("specific criterion (Albanian)"), max_length=200)
    title_en = models.CharField(_("specific criterion (English)"), max_length=200)
    guidance_sq = models.TextField(_("details or examples (Albanian)"), blank=True)
    guidance_en = models.TextField(_("details or examples (English)"), blank=True)
    # Weight 0: asked and explained, but not counted in the combined score ("Other aspects").
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2,
                                 default=Decimal("1.00"),
                                 validators=[MinValueValidator(Decimal("0"))])

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "code"], name="criterion_unique_code"),
        ]

    def __str__(self):
        return self.title_en

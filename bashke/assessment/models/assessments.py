"""One assessor's assessment of one idea: per criterion, the seed's columns — does it meet
the criterion, a score, and evidence, examples or explanation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models.criteria import CriteriaSheet, Criterion
from bashke.consultation.models import Idea


class Meets(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Assessment(models.Model):
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE,
                              related_name="assessments", verbose_name=_("criteria sheet"))
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="assessments",
                             verbose_name=_("idea"))
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="assessments", verbose_name=_("assessor"))
    # Kept with the scores when they are saved, so that a ranking of thousands of ideas is
    # one aggregate query: the weighted mean of this assessor's scores, on the sheet's scale.
    total = models.DecimalField(_("combined score"), max_digits=7, decimal_places=3,
                                null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["idea", "assessor"],
                                    name="assessment_one_per_assessor_and_idea"),
        ]
        indexes = [models.Index(fields=["sheet", "idea"])]

    def __str__(self):
        return f"{self.idea} – {self.assessor}"

    def audit_repr(self):
        # The public history says an idea was assessed, not by whom.
        return f"{self._meta.verbose_name} – {self.idea}"


class CriterionScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores",
                                   verbose_name=_("assessment"))
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores",
                                  verbose_name=_("criterion"))
    meets = models.CharField(_("does it meet the criterion?"), max_length=6,
                             choices=Meets.choices, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    evidence = models.TextField(_("evidence, examples or explanation"), max_length=5000,
                                blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"],
                                    name="score_one_per_criterion"),
        ]

    def __str__(self):
        return f"{self.criterion} – {self.get_meets_display()} {self.score}"

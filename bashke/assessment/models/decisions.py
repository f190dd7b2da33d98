"""What became of an idea: the decision and the reasoned response published with it.

The decision reads the idea and never writes into it; the idea page asks for the decision
(``consultation/outcomes.py``). Which measure or activity an included idea fed is recorded
by the drafting app, on the measure or activity."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Idea
from bashke.core.text import Bilingual


class DecisionKind(models.TextChoices):
    INCLUDED = "included", _("Included in the action plan")
    MERGED = "merged", _("Merged into another idea")
    DEFERRED = "deferred", _("Deferred to a later plan")
    NOT_INCLUDED = "not_included", _("Not included")


class Decision(Bilingual, models.Model):
    bilingual_fields = ("response",)

    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="decision",
                                verbose_name=_("idea"))
    kind = models.CharField(_("decision"), max_length=15, choices=DecisionKind.choices)
    merged_into = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged_ideas",
                                    verbose_name=_("merged into"))
    # The reasoned response, in either or both languages; required for every decision but
    # "included" (OGP standard 4: every contribution gets an answer).
    response_sq = models.TextField(_("reasoned response (Albanian)"), max_length=5000,
                                   blank=True)
    response_en = models.TextField(_("reasoned response (English)"), max_length=5000,
                                   blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"))
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["kind"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="merged") | models.Q(merged_into__isnull=False),
                name="decision_merged_names_the_idea"),
        ]

    def __str__(self):
        return f"{self.idea} – {self.get_kind_display()}"

"""Consultation meetings: scheduled, published, attended, minuted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.plans.models import ActionPlan, Component


class Meeting(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="meetings",
                             verbose_name=_("action plan"))
    component = models.ForeignKey(Component, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="meetings", verbose_name=_("component"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("consultation meeting")
        verbose_name_plural = _("consultation meetings")

    def __str__(self):
        return self.title

"""The plan's multi-stakeholder forum (OGP standard 1): its members, government and
non-government side by side, and its decisions. Its meetings are consultation meetings of
the kind "forum"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.accounts.models import Organisation, Sector
from bashke.consultation.models import Meeting
from bashke.core.text import Bilingual
from bashke.plans.models import ActionPlan


class ForumMember(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="forum_members",
                             verbose_name=_("action plan"))
    # A member without an account is still a member (named in the minutes); one with an
    # account can be made an assessor in one step.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="forum_memberships",
                             verbose_name=_("account"))
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="forum_members",
                                     verbose_name=_("organisation"))
    organisation_name = models.CharField(_("organisation or institution"), max_length=250,
                                         blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    joined_on = models.DateField(_("member since"))
    left_on = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")
        ordering = ["sector", "name", "id"]

    def __str__(self):
        return self.name

    @property
    def is_government(self):
        return self.sector == Sector.GOVERNMENT


class ForumDecision(Bilingual, models.Model):
    bilingual_fields = ("title", "text")

    class Kind(models.TextChoices):
        GENERAL = "general", _("Decision")
        ENDORSEMENT = "endorsement", _("Endorsement of the draft action plan")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE,
                             related_name="forum_decisions", verbose_name=_("action plan"))
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="forum_decisions", verbose_name=_("meeting"))
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices,
                            default=Kind.GENERAL)
    decided_on = models.DateField(_("date"))
    title_sq = models.CharField(_("title (Albanian)"), max_length=250, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    text_sq = models.TextField(_("text (Albanian)"), max_length=10000, blank=True)
    text_en = models.TextField(_("text (English)"), max_length=10000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum decision")
        verbose_name_plural = _("forum decisions")
        ordering = ["-decided_on", "-id"]

    def __str__(self):
        return self.title_en or self.title_sq

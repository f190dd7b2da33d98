"""Word forms read but not yet confirmed: what the parser found, kept between the upload
and the confirmation so that a reload or a closed tab loses nothing. The file itself is
not kept; pending forms older than a week are pruned (services.wordform.prune_pending)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.plans.models import ActionPlan


class PendingWordFormQuerySet(models.QuerySet):
    def of(self, user, plan):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(uploaded_by=user, plan=plan)


class PendingWordForm(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("action plan"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                    related_name="pending_word_forms",
                                    verbose_name=_("uploaded by"))
    # A staff member's batch of forms received by e-mail: confirmed as recorded ideas.
    batch = models.BooleanField(_("received by e-mail"), default=False)
    file_name = models.CharField(_("file name"), max_length=255)
    parsed = models.JSONField(_("what was read"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)

    objects = PendingWordFormQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Word form awaiting confirmation")
        verbose_name_plural = _("Word forms awaiting confirmation")

    def __str__(self):
        return self.file_name

    @property
    def title(self) -> str:
        return (self.parsed.get("answers") or {}).get("title") or ""

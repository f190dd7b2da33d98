"""Short statements voted agree / disagree / pass while ideas are prioritised (the seed's
"brainstorm / select ideas"); the analysis reads the votes for opinion groups."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models.ideas import LANGUAGES, Idea
from bashke.plans.models import ActionPlan, Component

STATEMENT_MAX_LENGTH = 280


class StatementQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved=True)

    def pending(self):
        return self.filter(approved=False, rejected_at__isnull=True)

    def for_plan(self, plan):
        return self.filter(plan=plan)

    def with_totals(self):
        return self.annotate(
            agree_count=Count("votes", filter=Q(votes__choice=Vote.Choice.AGREE)),
            disagree_count=Count("votes", filter=Q(votes__choice=Vote.Choice.DISAGREE)),
            pass_count=Count("votes", filter=Q(votes__choice=Vote.Choice.PASS)),
        )


class Statement(models.Model):
    """A short statement people agree or disagree with while ideas are prioritised (the
    seed's "brainstorm / select ideas"); the analysis reads the votes for opinion groups."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="statements")
    component = models.ForeignKey(Component, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="statements", verbose_name=_("component"))
    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="statements", verbose_name=_("idea"))
    text = models.CharField(_("statement"), max_length=STATEMENT_MAX_LENGTH)
    language = models.CharField(_("written in"), max_length=2, choices=LANGUAGES, default="sq")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="statements")
    # Staff statements are approved when published; participants' wait for a moderator.
    approved = models.BooleanField(default=False)
    rejected_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text


class Vote(models.Model):
    class Choice(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="statement_votes")
    choice = models.SmallIntegerField(choices=Choice.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"],
                                    name="one_vote_per_user_and_statement"),
            models.CheckConstraint(condition=Q(choice__in=[-1, 0, 1]), name="vote_choice_valid"),
        ]

    def __str__(self):
        return f"vote #{self.pk} on statement #{self.statement_id}"

"""Deliberation on ideas: supports, follows, comments with one level of replies, flags for
the moderators, and each person's notification settings. Statements voted on while ideas
are prioritised are in statements.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models.ideas import LANGUAGES, Idea
from bashke.plans.models import ActionPlan

COMMENT_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 500


class SupportQuerySet(models.QuerySet):
    def given(self, idea, user) -> bool:
        return self.filter(idea=idea, user=user).exists()


class Support(models.Model):
    """One account's support for an idea: counted, never weighted."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="idea_supports")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["idea", "user"],
                                               name="one_support_per_user_and_idea")]

    def __str__(self):
        return f"support #{self.pk} for idea #{self.idea_id}"


class FollowQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def follows(self, idea, user) -> bool:
        """Whether ``user`` hears about ``idea``: their row says so, else authors do."""
        row = self.filter(idea=idea, user=user).first()
        return row.active if row else idea.author_id == user.pk


class Follow(models.Model):
    """Someone who hears by e-mail about an idea. An idea's author follows it without a row;
    a row with ``active=False`` is how an author (or anyone) says "no more"."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="idea_follows")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [models.UniqueConstraint(fields=["idea", "user"],
                                               name="one_follow_per_user_and_idea")]

    def __str__(self):
        return f"follow #{self.pk} of idea #{self.idea_id}"


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)

    def for_thread(self):
        """Every comment of an idea in the order a thread is read, authors loaded."""
        return self.select_related("author").order_by("created_at", "id")


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="idea_comments")
    # Always a top-level comment: a reply to a reply is attached to the comment it is under.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="replies")
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    # Rendered and sanitised once, when written (consultation/markup.py).
    body_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("written in"), max_length=2, choices=LANGUAGES, default="sq")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=REASON_MAX_LENGTH,
                                     blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_idea_created")]

    def __str__(self):
        return f"comment #{self.pk} on idea #{self.idea_id}"

    def get_absolute_url(self):
        return f"{self.idea.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Insulting, hateful or threatening")
    PERSONAL = "personal", _("Reveals someone's personal data")
    OFF_TOPIC = "off_topic", _("Not about the plan")
    OTHER = "other", _("Something else")


class FlagResolution(models.TextChoices):
    HIDDEN = "hidden", _("Hidden by the moderators")
    DISMISSED = "dismissed", _("Left as it is")


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def on_idea(self, idea):
        """Reports on the idea itself or on any of its comments."""
        return self.filter(models.Q(idea=idea) | models.Q(comment__idea=idea))

    def comment_ids(self):
        """Which comment each report is about (None for the idea itself), in one query."""
        return list(self.values_list("comment_id", flat=True))

    def for_plan(self, plan):
        return self.filter(plan=plan)


class Flag(models.Model):
    """A report to the moderators about an idea or a comment (exactly one of the two)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="flags")
    idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="flags")
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                 related_name="idea_flags")
    reason = models.CharField(_("reason"), max_length=10, choices=FlagReason.choices)
    details = models.CharField(_("details"), max_length=REASON_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    resolution = models.CharField(_("resolution"), max_length=10, blank=True,
                                  choices=FlagResolution.choices)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False, comment__isnull=True)
                           | Q(idea__isnull=True, comment__isnull=False)),
                name="flag_names_idea_or_comment"),
            models.UniqueConstraint(fields=["reporter", "idea"],
                                    condition=Q(resolved_at__isnull=True, idea__isnull=False),
                                    name="one_open_flag_per_reporter_and_idea"),
            models.UniqueConstraint(fields=["reporter", "comment"],
                                    condition=Q(resolved_at__isnull=True,
                                                comment__isnull=False),
                                    name="one_open_flag_per_reporter_and_comment"),
        ]
        indexes = [models.Index(fields=["plan", "resolved_at"], name="flag_plan_open")]

    def __str__(self):
        target = f"comment #{self.comment_id}" if self.comment_id else f"idea #{self.idea_id}"
        return f"flag #{self.pk} on {target}"

    @property
    def target(self):
        return self.comment if self.comment_id else self.idea


class NotificationSettings(models.Model):
    """How a person hears about what they follow. No row means the defaults."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_settings")
    instant = models.BooleanField(
        _("an e-mail for each new comment or change"), default=True)
    daily_digest = models.BooleanField(
        _("one e-mail a day summarising the day before"), default=False)
    # The day the last digest covered: running the command twice sends nothing twice.
    last_digest_for = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"notification settings of user #{self.user_id}"

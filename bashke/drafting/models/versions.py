"""Numbered versions of a plan's table: frozen snapshots that can be published for public
comment, compared, endorsed by the forum and approved. A version never changes once frozen;
its ``snapshot`` holds the whole table as it was (``drafting/snapshot.py`` writes and reads
it), so a comment on measure 1.2 of version 3 still means what it meant then."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import ForumDecision
from bashke.plans.models import ActionPlan


def approval_path(version, filename):
    # A random name, as for meeting documents: served through a view that asks, never
    # straight from MEDIA_URL under a guessable name.
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"approvals/{version.plan_id}/{uuid.uuid4().hex}.{extension}"


class VersionStatus(models.TextChoices):
    FROZEN = "frozen", _("Frozen")
    IN_CONSULTATION = "consultation", _("Published for public comment")
    CONSULTATION_CLOSED = "closed", _("Public comment closed")
    APPROVED = "approved", _("Approved")


class PlanVersionQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)

    def approved(self):
        return self.filter(status=VersionStatus.APPROVED)

    def open_for_comment_on(self, day):
        """Published for comment with ``day`` in the window (for the plan page's call to
        comment on the draft)."""
        return self.filter(status=VersionStatus.IN_CONSULTATION, comments_open_from__lte=day,
                           comments_open_until__gte=day)


def is_approved(plan) -> bool:
    """Whether the plan (or plan id) has an approved version: its table is then read-only
    (the rule "drafting.edit_table" and the versions' services ask this)."""
    plan_id = getattr(plan, "pk", plan)
    return PlanVersion.objects.approved().filter(plan_id=plan_id).exists()


class PlanVersion(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="versions",
                             verbose_name=_("action plan"))
    number = models.PositiveIntegerField(_("version"))
    note = models.TextField(_("what changed"), max_length=2000, blank=True)
    snapshot = models.JSONField(_("the table as frozen"))
    status = models.CharField(_("status"), max_length=15, choices=VersionStatus.choices,
                              default=VersionStatus.FROZEN)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("frozen by"))
    frozen_at = models.DateTimeField(_("frozen"))
    # Public comment, within the plan's consultation stage.
    comments_open_from = models.DateField(_("comments open from"), null=True, blank=True)
    comments_open_until = models.DateField(_("comments open until"), null=True, blank=True)
    # The forum's endorsement, and the approval (e.g. by the Integrated Policy Management
    # Group) with its decision document.
    endorsement = models.ForeignKey(ForumDecision, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="endorsed_versions",
                                    verbose_name=_("forum endorsement"))
    approved_by_body = models.CharField(_("approved by"), max_length=250, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_document = models.FileField(_("decision document"), upload_to=approval_path,
                                         max_length=300, blank=True)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="version_unique_number"),
            models.UniqueConstraint(fields=["plan"], condition=models.Q(status="approved"),
                                    name="version_one_approved_per_plan"),
        ]

    def __str__(self):
        return f"{self.plan} – v{self.number}"

    def history_name(self):
        return _("version %(number)s") % {"number": self.number}

    @property
    def is_approved(self):
        return self.status == VersionStatus.APPROVED

    def open_for_comment(self, day) -> bool:
        """Published for comment and ``day`` within its window."""
        return (self.status == VersionStatus.IN_CONSULTATION
                and self.comments_open_from is not None
                and self.comments_open_from <= day <= self.comments_open_until)


class VersionCommentQuerySet(models.QuerySet):
    def for_page(self):
        return self.select_related("author").order_by("created_at", "id")


class VersionComment(models.Model):
    """A public comment on one measure or activity of a version published for comment."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="comments",
                                verbose_name=_("plan version"))
    # The row's key in the snapshot ("measure:12", "activity:40"): the item's id, stable
    # across versions, so comments can be followed from one version to the next.
    row = models.CharField(_("row"), max_length=40)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="version_comments", verbose_name=_("author"))
    body = models.TextField(_("comment"), max_length=5000)
    language = models.CharField(_("written in"), max_length=2, choices=settings.LANGUAGES,
                                default="sq")
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    objects = VersionCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment on a version")
        verbose_name_plural = _("comments on versions")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["version", "row"])]

    def __str__(self):
        return f"{self.version} – {self.row}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None

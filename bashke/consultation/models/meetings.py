"""Consultation meetings: scheduled, published, registered for, attended, minuted.

A meeting is government content, so its texts come in Albanian and English pairs
(``title_sq``/``title_en``) read through :class:`~bashke.core.text.Bilingual`; ``title``
still reads (and, for code that names one title, writes) the title in the active language.
What people say at a meeting becomes ideas (``Idea.meeting``), which keep their own language.
"""

import uuid

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bashke.accounts.models import Gender, Organisation, Sector
from bashke.core.text import Bilingual, active_content_language, format_day, pick
from bashke.plans.models import ActionPlan, Component, Institution

# A room or a call larger than this is a typing slip, not a consultation meeting.
MAX_CAPACITY = 5000


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingKind(models.TextChoices):
    # The seed's two kinds: open consultation meetings, and working meetings with civil
    # society on consolidating the priority measures.
    CONSULTATION = "consultation", _("Consultation meeting")
    WORKING = "working", _("Working meeting")
    # Meetings of the plan's multi-stakeholder forum (OGP standard 1).
    FORUM = "forum", _("Forum meeting")


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings anyone may see: published ones, and cancelled ones that had been
        published (their page says why they were cancelled)."""
        return self.filter(Q(status=MeetingStatus.PUBLISHED)
                           | Q(status=MeetingStatus.CANCELLED, published_at__isnull=False))

    def for_plan(self, plan):
        return self.filter(plan=plan)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "id")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-id")

    def for_list(self):
        # Subqueries, not joins: two joined counts would multiply each other's rows.
        return self.select_related("plan", "component", "organiser").annotate(
            registration_count=_count_of("MeetingRegistration"),
            attendance_count=_count_of("Attendance"),
        )


def _count_of(model_name):
    model = apps.get_model("consultation", model_name)
    rows = (model.objects.filter(meeting=OuterRef("pk")).order_by().values("meeting")
            .annotate(n=Count("id")).values("n"))
    return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)


class Meeting(Bilingual, models.Model):
    bilingual_fields = ("description", "agenda", "minutes")

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="meetings",
                             verbose_name=_("action plan"))
    component = models.ForeignKey(Component, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="meetings", verbose_name=_("component"))
    kind = models.CharField(_("kind of meeting"), max_length=15, choices=MeetingKind.choices,
                            default=MeetingKind.CONSULTATION)
    title_sq = models.CharField(_("title (Albanian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_sq = models.TextField(_("description (Albanian)"), max_length=5000, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=5000, blank=True)
    agenda_sq = models.TextField(_("agenda (Albanian)"), max_length=5000, blank=True)
    agenda_en = models.TextField(_("agenda (English)"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place (address)"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("How many people can register. Leave empty for no limit."))
    organiser = models.ForeignKey(Institution, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="organised_meetings",
                                  verbose_name=_("organising institution"))
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices,
                              default=MeetingStatus.DRAFT)
    cancelled_reason = models.TextField(_("reason for cancelling"), max_length=2000, blank=True)
    minutes_sq = models.TextField(_("minutes (Albanian)"), max_length=50000, blank=True)
    minutes_en = models.TextField(_("minutes (English)"), max_length=50000, blank=True)

    # iCalendar: the UID never changes, SEQUENCE grows with every change people should see.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("consultation meeting")
        verbose_name_plural = _("consultation meetings")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="meeting_ends_after_start"),
            models.CheckConstraint(condition=~Q(place="") | ~Q(online_url=""),
                                   name="meeting_has_place_or_link"),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                                   name="meeting_capacity_positive"),
            models.CheckConstraint(condition=~Q(title_sq="") | ~Q(title_en=""),
                                   name="meeting_has_a_title"),
        ]
        indexes = [models.Index(fields=["plan", "starts_at"], name="meeting_plan_start")]

    def __str__(self):
        return self.title_en or self.title_sq

    def get_absolute_url(self):
        return reverse("consultation:meeting", kwargs={"slug": self.plan.slug, "pk": self.pk})

    @property
    def title(self):
        return pick(self, "title")

    @title.setter
    def title(self, value):
        # Code that names a single title (Meeting(title=…)) sets it for the active language,
        # and for the other one too while that is empty.
        language = active_content_language()
        other = "en" if language == "sq" else "sq"
        setattr(self, f"title_{language}", value)
        if not getattr(self, f"title_{other}", ""):
            setattr(self, f"title_{other}", value)

    def clean(self):
        # Field-keyed messages, so that a form shows each next to its field; the database
        # constraints above hold the same rules for rows written any other way.
        errors = {}
        if not (self.title_sq or "").strip() and not (self.title_en or "").strip():
            errors["title_sq"] = _("Give the meeting a title, in Albanian or English.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        if not (self.place or "").strip() and not (self.online_url or "").strip():
            errors["place"] = _("Give the place where the meeting is held, an online link, "
                                "or both.")
        if self.component_id and self.plan_id and self.component.goal.plan_id != self.plan_id:
            errors["component"] = _("This component belongs to another plan.")
        if self.status == MeetingStatus.CANCELLED and not (self.cancelled_reason or "").strip():
            errors["cancelled_reason"] = _("Say why the meeting is cancelled; the reason is "
                                           "shown on its page.")
        if errors:
            raise ValidationError(errors)

    @property
    def title_language(self):
        return self.language_of("title")

    def language_of(self, field: str) -> str:
        """The language :func:`pick` reads ``field`` in, for a ``lang`` attribute."""
        first = active_content_language()
        second = "en" if first == "sq" else "sq"
        return first if getattr(self, f"{field}_{first}", "") else second

    @property
    def is_public(self):
        return self.status == MeetingStatus.PUBLISHED or (
            self.status == MeetingStatus.CANCELLED and self.published_at is not None)

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    @property
    def when_label(self):
        """"5 March 2026, 10:00–12:00" in local time (day and time of both ends when it runs
        over midnight)."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        if start.date() == end.date():
            return f"{format_day(start.date())}, {start:%H:%M}–{end:%H:%M}"
        return f"{format_day(start.date())} {start:%H:%M} – {format_day(end.date())} {end:%H:%M}"

    @property
    def day_label(self):
        return format_day(timezone.localtime(self.starts_at).date())

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def is_over(self, now=None):
        return self.ends_at < (now or timezone.now())

    def seats_left(self, registered: int):
        if self.capacity is None:
            return None
        return max(self.capacity - registered, 0)


class MeetingRegistration(models.Model):
    """A person's place at a meeting. Unregistering deletes the row (the audit log keeps
    that it happened)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="meeting_registrations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"],
                                               name="one_registration_per_person")]

    def __str__(self):
        return f"registration #{self.pk} for meeting #{self.meeting_id}"


class Attendance(models.Model):
    """One person at a meeting: an account, or a name written on the attendance sheet.
    Sector and gender are optional and only ever shown as counts."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="meeting_attendances")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("organisation"))
    organisation_name = models.CharField(_("organisation (as written)"), max_length=200,
                                         blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True,
                              default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(
            fields=["meeting", "user"], condition=Q(user__isnull=False),
            name="attendance_once_per_account")]

    def __str__(self):
        return f"attendance #{self.pk} at meeting #{self.meeting_id}"

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name


def document_path(instance, filename):
    # The stored name is random: documents are served through a view that checks the
    # meeting is public, never straight from MEDIA_URL under a guessable name.
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"meetings/{instance.meeting_id}/{uuid.uuid4().hex}.{extension}"


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    filename = models.CharField(max_length=200, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultation:meeting_document",
                       kwargs={"slug": self.meeting.plan.slug, "pk": self.meeting_id,
                               "document": self.pk})

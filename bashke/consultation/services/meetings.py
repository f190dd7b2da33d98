"""Scheduling, publishing, cancelling meetings; registering for them; recording what
happened at them (attendance, minutes, documents, ideas).

Registrations and attendance are about people: their audit entries keep names among the
personal fields, so the plan's public history says that attendance was recorded, not who.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashke.consultation.models import Channel
from bashke.consultation.models.meetings import (
    Attendance,
    Meeting,
    MeetingDocument,
    MeetingRegistration,
    MeetingStatus,
)
from bashke.consultation.services.ideas import submit_idea
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import allowed, require
from bashke.core.uploads import check_upload

CREATE, UPDATE, DELETE = (AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE,
                          AuditEntry.Action.DELETE)
SCHEDULE_FIELDS = ["component", "kind", "title_sq", "title_en", "description_sq",
                   "description_en", "agenda_sq", "agenda_en", "starts_at", "ends_at", "place",
                   "online_url", "capacity", "organiser"]
# A change to any of these is news to someone who put the meeting in their calendar.
CALENDAR_FIELDS = {"title_sq", "title_en", "description_sq", "description_en", "agenda_sq",
                   "agenda_en", "starts_at", "ends_at", "place", "online_url", "status"}
MAX_ATTENDANCE_ROWS = 500


def _can_manage(actor, target):
    require(actor, "consultation.manage_meeting", target,
             _("Only the plan's coordinators and the component's leaders and secretariat run "
               "its meetings."))


def _check_component(actor, plan, component):
    if component is None:
        if not allowed(actor, "consultation.schedule_plan_meeting", plan):
            raise ValidationError({"component": _("Choose the component this meeting is for.")})
        return
    if not allowed(actor, "consultation.manage_meeting", component):
        raise ValidationError({"component": _("You can schedule meetings only for the "
                                              "components you lead or support.")})


def _locked(meeting) -> Meeting:
    return (Meeting.objects.select_for_update(of=("self",)).select_related("plan")
            .get(pk=meeting.pk))


def _unknown(changes):
    unknown = set(changes) - set(SCHEDULE_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def create_meeting(plan, *, actor, **fields) -> Meeting:
    """A new meeting, as a draft: nobody but its organisers sees it until it is published."""
    _can_manage(actor, plan)
    _unknown(fields)
    meeting = Meeting(plan=plan, created_by=actor, status=MeetingStatus.DRAFT, **fields)
    _check_component(actor, plan, meeting.component)
    meeting.full_clean()
    meeting.save()
    audit.record(actor=actor, action=CREATE, instance=meeting, after=audit.snapshot(meeting),
                 scope=plan.audit_scope)
    return meeting


@transaction.atomic
def update_meeting(meeting, *, actor, **changes) -> Meeting:
    _can_manage(actor, meeting)
    _unknown(changes)
    meeting = _locked(meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    before = audit.snapshot(meeting)
    component_before = meeting.component_id
    for field, value in changes.items():
        setattr(meeting, field, value)
    if meeting.component_id != component_before:
        _check_component(actor, meeting.plan, meeting.component)
    meeting.full_clean()
    registered = meeting.registrations.count()
    if meeting.capacity is not None and meeting.capacity < registered:
        raise ValidationError({"capacity": ngettext(
            "%(count)s person has already registered: the meeting needs at least that many "
            "places.",
            "%(count)s people have already registered: the meeting needs at least that many "
            "places.", registered) % {"count": registered}})
    after = audit.snapshot(meeting)
    changed = {field for field in after if after[field] != before.get(field)}
    if meeting.published_at and changed & CALENDAR_FIELDS:
        meeting.sequence += 1
    meeting.save()
    audit.record(actor=actor, action=UPDATE, instance=meeting, before=before,
                 after=audit.snapshot(meeting), scope=meeting.plan.audit_scope)
    return meeting


@transaction.atomic
def publish_meeting(meeting, *, actor) -> Meeting:
    _can_manage(actor, meeting)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.DRAFT:
        raise ValidationError(_("Only a draft meeting can be published."))
    meeting.full_clean()
    before = {"status": meeting.status}
    meeting.status = MeetingStatus.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.save()
    audit.record(actor=actor, action=UPDATE, instance=meeting, before=before,
                 after={"status": meeting.status}, scope=meeting.plan.audit_scope)
    return meeting


@transaction.atomic
def cancel_meeting(meeting, *, actor, reason: str) -> Meeting:
    """Cancels a published meeting. Its page stays, with the reason, so that people who
    planned to come learn why; calendars that subscribed see STATUS:CANCELLED."""
    _can_manage(actor, meeting)
    meeting = _locked(meeting)
    if meeting.status != MeetingStatus.PUBLISHED:
        raise ValidationError(_("Only a published meeting can be cancelled; a draft can "
                                "simply be left unpublished."))
    if meeting.is_over():
        raise ValidationError(_("This meeting has already taken place."))
    before = {"status": meeting.status, "cancelled_reason": meeting.cancelled_reason}
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = (reason or "").strip()
    meeting.full_clean()
    meeting.sequence += 1
    meeting.save()
    audit.record(actor=actor, action=UPDATE, instance=meeting, before=before,
                 after={"status": meeting.status, "cancelled_reason": meeting.cancelled_reason},
                 scope=meeting.plan.audit_scope)
    return meeting


# Registration ---------------------------------------------------------------------------

def registration_problem(meeting, now=None) -> str:
    """Why nobody can register for the meeting now, or "" when they can."""
    if meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting has been cancelled.")
    if meeting.status != MeetingStatus.PUBLISHED:
        return _("This meeting has not been published yet.")
    if meeting.has_started(now):
        return _("Registration has closed: the meeting has started.")
    return ""


@transaction.atomic
def register(meeting, *, actor) -> MeetingRegistration:
    """Takes a place for ``actor``. The meeting row is locked first, so two people asking for
    the last place at once are served one after the other: one gets it, one is told."""
    meeting = _locked(meeting)
    problem = registration_problem(meeting)
    if problem:
        raise ValidationError(problem)
    # After the meeting's own problems, which say more than "you may not" (a draft, a
    # meeting that has started).
    require(actor, "consultation.register_for_meeting", meeting,
            _("Log in to register for a meeting."))
    existing = meeting.registrations.filter(user=actor).first()
    if existing is not None:
        return existing
    if meeting.capacity is not None and meeting.registrations.count() >= meeting.capacity:
        raise ValidationError(ngettext("The one place at this meeting is taken.",
                                       "All %(count)s places at this meeting are taken.",
                                       meeting.capacity) % {"count": meeting.capacity})
    try:
        with transaction.atomic():
            registration = MeetingRegistration.objects.create(meeting=meeting, user=actor)
    except IntegrityError:  # the same person, twice at once
        return meeting.registrations.get(user=actor)
    audit.record(actor=actor, action=CREATE, instance=registration,
                 after={"meeting": meeting.pk, "user": actor.pk}, personal_fields=["user"])
    return registration


@transaction.atomic
def unregister(meeting, *, actor) -> bool:
    # Whoever may register may take their registration back.
    require(actor, "consultation.register_for_meeting", meeting,
            _("Log in to change your registration."))
    meeting = _locked(meeting)
    if meeting.has_started():
        raise ValidationError(_("The meeting has started; registrations can no longer be "
                                "changed."))
    registration = meeting.registrations.filter(user=actor).first()
    if registration is None:
        return False
    audit.record(actor=actor, action=DELETE, instance=registration,
                 before={"meeting": meeting.pk, "user": actor.pk}, personal_fields=["user"])
    registration.delete()
    return True


# After the meeting ----------------------------------------------------------------------

def _check_held(meeting):
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled."))
    if not meeting.has_started():
        raise ValidationError(_("The meeting has not started yet: record what happened at it "
                                "once it has."))


ATTENDANCE_FIELDS = {"user", "name", "organisation", "organisation_name", "sector", "gender"}


@transaction.atomic
def record_attendance(meeting, *, actor, rows) -> list[Attendance]:
    """Adds the people in ``rows`` (dicts of ATTENDANCE_FIELDS) to the meeting's attendance,
    all or none: a ValidationError names each bad row by its number (from 1), and then
    nothing is saved."""
    _can_manage(actor, meeting)
    meeting = _locked(meeting)
    _check_held(meeting)
    rows = list(rows)
    if not rows:
        raise ValidationError(_("There is nobody to add."))
    if len(rows) > MAX_ATTENDANCE_ROWS:
        raise ValidationError(_("Add at most %(limit)s people at a time.")
                              % {"limit": MAX_ATTENDANCE_ROWS})
    present = set(meeting.attendances.filter(user__isnull=False)
                  .values_list("user_id", flat=True))
    attendances, problems = [], []
    for number, row in enumerate(rows, 1):
        unknown = set(row) - ATTENDANCE_FIELDS
        if unknown:
            raise TypeError(f"unknown attendance fields: {', '.join(sorted(unknown))}")
        attendance = Attendance(meeting=meeting, recorded_by=actor, **row)
        attendance.name = (attendance.name or "").strip()
        attendance.organisation_name = (attendance.organisation_name or "").strip()
        try:
            attendance.full_clean(exclude=["meeting", "recorded_by"], validate_unique=False)
            if attendance.user_id is not None:
                if attendance.user_id in present:
                    raise ValidationError(_("%(name)s is already on the attendance list.")
                                          % {"name": attendance.name})
                present.add(attendance.user_id)
        except ValidationError as error:
            problems.append(_("Row %(number)s: %(errors)s") % {
                "number": number, "errors": " ".join(error.messages)})
        attendances.append(attendance)
    if problems:
        raise ValidationError(problems)
    Attendance.objects.bulk_create(attendances)
    audit.record(actor=actor, action=UPDATE, instance=meeting,
                 before={"attendance": None},
                 after={"attendance": len(attendances),
                        "attendees": [a.name for a in attendances]},
                 note=ngettext("%(count)s person added to the attendance.",
                               "%(count)s people added to the attendance.",
                               len(attendances)) % {"count": len(attendances)},
                 scope=meeting.plan.audit_scope, personal_fields=["attendees"])
    return attendances


@transaction.atomic
def remove_attendance(attendance, *, actor) -> None:
    _can_manage(actor, attendance.meeting)
    meeting = _locked(attendance.meeting)
    audit.record(actor=actor, action=UPDATE, instance=meeting,
                 before={"attendees": [attendance.name]}, after={"attendees": []},
                 note=_("One person removed from the attendance."),
                 scope=meeting.plan.audit_scope, personal_fields=["attendees"])
    attendance.delete()


@transaction.atomic
def save_minutes(meeting, *, actor, minutes_sq="", minutes_en="") -> Meeting:
    _can_manage(actor, meeting)
    meeting = _locked(meeting)
    _check_held(meeting)
    before = {"minutes_sq": meeting.minutes_sq, "minutes_en": meeting.minutes_en}
    meeting.minutes_sq = (minutes_sq or "").strip()
    meeting.minutes_en = (minutes_en or "").strip()
    meeting.full_clean()
    meeting.save(update_fields=["minutes_sq", "minutes_en", "updated_at"])
    audit.record(actor=actor, action=UPDATE, instance=meeting, before=before,
                 after={"minutes_sq": meeting.minutes_sq, "minutes_en": meeting.minutes_en},
                 scope=meeting.plan.audit_scope)
    return meeting


@transaction.atomic
def add_document(meeting, *, actor, uploaded, title: str) -> MeetingDocument:
    """Stores a checked PDF, DOCX, XLSX or ODT file (agenda, presentation, minutes)."""
    _can_manage(actor, meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled."))
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the document a title.")})
    try:
        kind = check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = MeetingDocument(meeting=meeting, title=title[:200], uploaded_by=actor,
                               filename=_safe_filename(uploaded.name, kind.extension),
                               content_type=kind.content_type, size=uploaded.size)
    uploaded.seek(0)
    document.file.save(document.filename, uploaded, save=False)
    document.save()
    audit.record(actor=actor, action=CREATE, instance=document,
                 after={"meeting": meeting.pk, "title": document.title,
                        "filename": document.filename, "size": document.size},
                 scope=meeting.plan.audit_scope)
    return document


def _safe_filename(name: str, extension: str) -> str:
    stem = (name or "").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = "".join(c for c in stem if c.isalnum() or c in " -_.()").strip(" .") or "document"
    return f"{stem[:150]}.{extension}"


@transaction.atomic
def remove_document(document, *, actor) -> None:
    _can_manage(actor, document.meeting)
    audit.record(actor=actor, action=DELETE, instance=document,
                 before={"meeting": document.meeting_id, "title": document.title,
                         "filename": document.filename},
                 scope=document.meeting.plan.audit_scope)
    storage, name = document.file.storage, document.file.name
    document.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def record_idea(meeting, *, actor, answers: dict, agencies=()):
    """An idea someone raised at the meeting, recorded by staff with channel "meeting"."""
    _can_manage(actor, meeting)
    _check_held(meeting)
    answers = {**answers, "meeting": meeting}
    if answers.get("component") is None and meeting.component_id:
        answers["component"] = meeting.component
    return submit_idea(meeting.plan, actor=actor, answers=answers, agencies=agencies,
                       channel=Channel.MEETING, recorded=True)

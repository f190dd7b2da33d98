"""Pages for the people who run meetings: schedule, edit, publish, cancel; and after the
meeting, attendance, minutes, documents and the ideas raised. Every write goes through
:mod:`bashke.consultation.services.meetings`; a form with an error keeps what was typed
and saves nothing."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bashke.accounts.models import Organisation
from bashke.consultation.forms.meetings import (
    AttendanceFormSet,
    BulkAttendanceForm,
    CancelForm,
    DocumentForm,
    MeetingForm,
    MeetingIdeaForm,
    MinutesForm,
    RegisteredAttendanceForm,
)
from bashke.consultation.models.meetings import Attendance, Meeting, MeetingDocument
from bashke.consultation.services import meetings as services
from bashke.consultation.views.meetings import plan_or_404
from bashke.core.access import refusal
from bashke.core.permissions import allowed
from bashke.core.web import saved

ATTENDANCE_ROWS = 5
MAX_ATTENDANCE_ROWS_SHOWN = 50


def managed_meeting(view=None, *, permission="consultation.manage_meeting"):
    """Loads the meeting for people who run it; anyone else gets a 403, the log-in page, or
    a 404 for a draft they may not see (its existence does not leak). ``permission`` names
    what the page shows when it is not running the meeting itself."""
    if view is None:
        return lambda view: managed_meeting(view, permission=permission)

    @wraps(view)
    def wrapper(request, slug, pk, **kwargs):
        meeting = get_object_or_404(
            Meeting.objects.select_related("plan", "component", "component__goal"),
            plan__slug=slug, pk=pk)
        if not allowed(request.user, permission, meeting):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user, "consultation.view_meeting", meeting):
                raise Http404
            raise PermissionDenied(_("Only the people who run this meeting can do this."))
        return view(request, meeting, **kwargs)
    return wrapper


def _schedule_changes(form):
    return {name: form.cleaned_data[name] for name in services.SCHEDULE_FIELDS
            if name in form.cleaned_data}


def meeting_create(request, slug):
    plan = plan_or_404(slug)
    refused = refusal(request, "consultation.manage_meeting", plan,
                      _("Only the plan's coordinators and the components' leaders and "
                        "secretariat schedule meetings."))
    if refused:
        return refused
    form = MeetingForm(request.POST or None, user=request.user, plan=plan,
                       instance=Meeting(plan=plan))
    done = saved(request, form, lambda: services.create_meeting(
        plan, actor=request.user, **_schedule_changes(form)),
        success=_("The meeting is saved as a draft. Publish it when it is ready to be seen."),
        then=lambda meeting: meeting.get_absolute_url())
    return done or render(request, "consultation/meetings/form.html", {
        "plan": plan, "form": form, "meeting": None})


@managed_meeting
def meeting_edit(request, meeting):
    if meeting.is_cancelled:
        messages.error(request, _("A cancelled meeting cannot be changed."))
        return redirect(meeting.get_absolute_url())
    form = MeetingForm(request.POST or None, user=request.user, plan=meeting.plan,
                       instance=Meeting.objects.get(pk=meeting.pk))
    done = saved(request, form, lambda: services.update_meeting(
        meeting, actor=request.user, **_schedule_changes(form)),
        success=_("The meeting is updated."), then=meeting.get_absolute_url())
    return done or render(request, "consultation/meetings/form.html", {
        "plan": meeting.plan, "form": form, "meeting": meeting})


@require_POST
@managed_meeting
def meeting_publish(request, meeting):
    try:
        services.publish_meeting(meeting, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The meeting is published: anyone can see it and "
                                    "register."))
    return redirect(meeting.get_absolute_url())


@managed_meeting
def meeting_cancel(request, meeting):
    form = CancelForm(request.POST or None)
    done = saved(request, form, lambda: services.cancel_meeting(
        meeting, actor=request.user, reason=form.cleaned_data["reason"]),
        success=_("The meeting is cancelled. Its page shows the reason."),
        then=meeting.get_absolute_url(), rename={"cancelled_reason": "reason"})
    return done or render(request, "consultation/meetings/cancel.html", {
        "plan": meeting.plan, "meeting": meeting, "form": form})


# Attendance -----------------------------------------------------------------------------

def _row_count(request):
    try:
        rows = int(request.GET.get("rows", ATTENDANCE_ROWS))
    except ValueError:
        rows = ATTENDANCE_ROWS
    return min(max(rows, 1), MAX_ATTENDANCE_ROWS_SHOWN)


# The names of who came; recording them is the service's "manage_meeting" decision.
@managed_meeting(permission="consultation.view_attendance_names")
def attendance(request, meeting):
    """Three ways in, each all or nothing: tick registered people who came, fill rows, or
    paste a list. Each form keeps what was typed when something is wrong."""
    action = request.POST.get("action") if request.method == "POST" else None
    present = set(meeting.attendances.filter(user__isnull=False)
                  .values_list("user_id", flat=True))
    registrations = [r for r in meeting.registrations.select_related("user", "user__organisation")
                     if r.user_id not in present]
    rows = _row_count(request)
    registered_form = RegisteredAttendanceForm(
        request.POST if action == "registered" else None, registrations=registrations,
        prefix="registered")
    formset = AttendanceFormSet(request.POST if action == "rows" else None, prefix="people",
                                initial=[{}] * rows)
    paste_form = BulkAttendanceForm(request.POST if action == "paste" else None,
                                    prefix="paste")
    chosen = {"registered": registered_form, "rows": formset, "paste": paste_form}.get(action)
    if chosen is not None and chosen.is_valid():
        if action == "rows":
            people = formset.rows()
        elif action == "paste":
            people = paste_form.rows
        else:
            people = registered_form.rows()
        try:
            added = services.record_attendance(meeting, actor=request.user, rows=people)
        except ValidationError as error:
            target = paste_form if action == "paste" else registered_form
            if action == "rows":
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                target.add_error(None, error)
        else:
            messages.success(request, ngettext(
                "%(count)s person added to the attendance.",
                "%(count)s people added to the attendance.", len(added)) % {
                "count": len(added)})
            return redirect(reverse("consultation:meeting_attendance",
                                    kwargs={"slug": meeting.plan.slug, "pk": meeting.pk}))
    return render(request, "consultation/meetings/attendance.html", {
        "plan": meeting.plan, "meeting": meeting,
        "attendances": list(meeting.attendances.select_related("organisation")),
        "registered_form": registered_form, "formset": formset, "paste_form": paste_form,
        "more_rows": min(rows + ATTENDANCE_ROWS, MAX_ATTENDANCE_ROWS_SHOWN),
        "organisations": list(Organisation.objects.order_by("name")
                              .values_list("name", flat=True)),
        "not_yet": not meeting.has_started() or meeting.is_cancelled,
    })


@require_POST
@managed_meeting
def attendance_remove(request, meeting, attendance):
    item = get_object_or_404(Attendance, meeting=meeting, pk=attendance)
    services.remove_attendance(item, actor=request.user)
    messages.success(request, _("%(name)s is removed from the attendance.") % {"name": item.name})
    return redirect(reverse("consultation:meeting_attendance",
                            kwargs={"slug": meeting.plan.slug, "pk": meeting.pk}))


# Minutes, documents, ideas --------------------------------------------------------------

@managed_meeting
def minutes(request, meeting):
    form = MinutesForm(request.POST or None, instance=Meeting.objects.get(pk=meeting.pk))
    done = saved(request, form, lambda: services.save_minutes(
        meeting, actor=request.user, **form.cleaned_data),
        success=_("The minutes are saved."), then=meeting.get_absolute_url())
    return done or render(request, "consultation/meetings/minutes.html", {
        "plan": meeting.plan, "meeting": meeting, "form": form})


@managed_meeting
def documents(request, meeting):
    form = DocumentForm(request.POST or None, request.FILES or None)
    done = saved(request, form, lambda: services.add_document(
        meeting, actor=request.user, uploaded=form.cleaned_data["file"],
        title=form.cleaned_data["title"]),
        success=_("The document is added."),
        then=reverse("consultation:meeting_documents",
                     kwargs={"slug": meeting.plan.slug, "pk": meeting.pk}))
    return done or render(request, "consultation/meetings/documents.html", {
        "plan": meeting.plan, "meeting": meeting, "form": form,
        "documents": list(meeting.documents.all())})


@require_POST
@managed_meeting
def document_remove(request, meeting, document):
    item = get_object_or_404(MeetingDocument, meeting=meeting, pk=document)
    services.remove_document(item, actor=request.user)
    messages.success(request, _("“%(title)s” is removed.") % {"title": item.title})
    return redirect(reverse("consultation:meeting_documents",
                            kwargs={"slug": meeting.plan.slug, "pk": meeting.pk}))


@managed_meeting
def record_idea(request, meeting):
    initial = {"component": meeting.component_id, "language": "sq"}
    form = MeetingIdeaForm(request.POST or None, plan=meeting.plan, initial=initial)
    done = saved(request, form, lambda: services.record_idea(
        meeting, actor=request.user, answers=form.answers()),
        success=lambda idea: _("The idea “%(title)s” is recorded.") % {"title": idea.title},
        then=meeting.get_absolute_url())
    return done or render(request, "consultation/meetings/idea.html", {
        "plan": meeting.plan, "meeting": meeting, "form": form})

"""Public pages of meetings: the list per plan, a meeting's page, registering, calendars,
documents and participation figures. Staff pages are in ``meetings_staff``."""

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation import participation
from bashke.consultation.ical import Calendar
from bashke.consultation.markup import render as render_markup
from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting, MeetingDocument
from bashke.consultation.services import meetings as services
from bashke.core.charts import bar_chart
from bashke.core.permissions import allowed, require
from bashke.plans.models import ActionPlan, Stage
from bashke.plans.rules import ALL, components_run_by

MINUTES_MAX = 50_000


def plan_or_404(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def meeting_or_404(request, slug, pk, *, queryset=None):
    """The meeting, if this person may see it: a draft is a 404 to everyone but its staff,
    so that its existence does not leak."""
    queryset = queryset if queryset is not None else Meeting.objects.all()
    meeting = get_object_or_404(queryset.select_related(
        "plan", "plan__jurisdiction", "component", "component__goal", "organiser"),
        plan__slug=slug, pk=pk)
    if not allowed(request.user, "consultation.view_meeting", meeting):
        raise Http404
    return meeting


def meeting_list(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "plans.view_plan", plan)
    # Drafts of the components one runs, in one query rather than a decision per meeting.
    runs = components_run_by(request.user, plan)
    can_manage = bool(runs)
    meetings = Meeting.objects.for_plan(plan).for_list()
    if not runs:
        meetings = meetings.public()
    elif runs is not ALL:
        meetings = meetings.filter(Q(pk__in=Meeting.objects.public().values("pk"))
                                   | Q(component__in=runs))
    now = timezone.now()
    everything = list(meetings.order_by("starts_at", "id"))
    upcoming = [m for m in everything if not m.is_over(now)]
    past = [m for m in reversed(everything) if m.is_over(now)]
    return render(request, "consultation/meetings/list.html", {
        "plan": plan, "upcoming": upcoming, "past": past, "can_manage": can_manage,
    })


def meeting_detail(request, slug, pk):
    meeting = meeting_or_404(request, slug, pk, queryset=Meeting.objects.for_list())
    user = request.user
    registered = (user.is_authenticated
                  and meeting.registrations.filter(user=user).exists())
    ideas = list(Idea.objects.filter(meeting=meeting).select_related(
        "plan", "organisation", "author").order_by("submitted_at", "id"))
    figures = participation.meeting_figures(meeting) if meeting.has_started() else None
    return render(request, "consultation/meetings/detail.html", {
        "plan": meeting.plan, "meeting": meeting,
        "documents": list(meeting.documents.all()),
        "ideas": ideas,
        "registered": registered,
        "seats_left": meeting.seats_left(meeting.registration_count),
        "registration_problem": services.registration_problem(meeting),
        "can_manage": allowed(user, "consultation.manage_meeting", meeting),
        "minutes_html": _markup(meeting.minutes),
        "langs": {field: meeting.language_of(field)
                  for field in ("description", "agenda", "minutes")},
        "figures": figures,
        "charts": _meeting_charts(figures) if figures and figures.total else [],
    })


def _markup(text):
    return render_markup(text, max_length=MINUTES_MAX) if text else ""


def _meeting_charts(figures):
    return [
        bar_chart(_("Participants by sector"), figures.sector_rows(),
                  label_header=_("Sector"), value_header=_("People"),
                  percent_of=figures.total),
        bar_chart(_("Gender balance"), figures.gender_rows(), label_header=_("Gender"),
                  value_header=_("People"), percent_of=figures.total),
    ]


@require_POST
def register(request, slug, pk):
    meeting = meeting_or_404(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    try:
        services.register(meeting, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are registered for this meeting."))
    return redirect(meeting.get_absolute_url())


@require_POST
def unregister(request, slug, pk):
    meeting = meeting_or_404(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    try:
        removed = services.unregister(meeting, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if removed:
            messages.success(request, _("Your registration is cancelled. Your place is free "
                                        "for someone else."))
    return redirect(meeting.get_absolute_url())


def document(request, slug, pk, document):
    meeting = meeting_or_404(request, slug, pk)
    item = get_object_or_404(MeetingDocument, meeting=meeting, pk=document)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.filename,
                            content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Calendars ------------------------------------------------------------------------------

def _meeting_event(calendar, request, meeting):
    location = " — ".join(part for part in (meeting.place, meeting.online_url) if part)
    description = "\n\n".join(part for part in (
        meeting.description, meeting.agenda and _("Agenda:") + "\n" + meeting.agenda,
        meeting.is_cancelled and _("Cancelled: %(reason)s") % {
            "reason": meeting.cancelled_reason}) if part)
    calendar.add_meeting(meeting, summary=meeting.title, description=description,
                         location=location,
                         url=request.build_absolute_uri(meeting.get_absolute_url()))


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def plan_calendar(request, slug):
    """The plan's public meetings and its stages, for calendar programs to subscribe to."""
    plan = get_object_or_404(ActionPlan.objects.prefetch_related(
        Prefetch("stages", queryset=Stage.objects.in_order()),
        Prefetch("meetings", queryset=Meeting.objects.public().select_related("plan")
                 .order_by("starts_at", "id"), to_attr="public_meetings")), slug=slug)
    # Calendar programs send no cookie: the feed is what the public may see, and asking as
    # the public keeps it from reading a session.
    require(AnonymousUser(), "plans.view_plan", plan)
    calendar = Calendar(f"{plan.title} — Bashkë")
    plan_url = request.build_absolute_uri(plan.get_absolute_url())
    for stage in plan.stages.all():
        calendar.add_stage(stage, summary=f"{stage.heading} — {plan.title}",
                           description=stage.description, url=plan_url)
    for meeting in plan.public_meetings:
        _meeting_event(calendar, request, meeting)
    return _ics(calendar.serialise(), f"{plan.slug}.ics")


def meeting_calendar(request, slug, pk):
    meeting = meeting_or_404(request, slug, pk)
    calendar = Calendar(meeting.title)
    _meeting_event(calendar, request, meeting)
    return _ics(calendar.serialise(), f"meeting-{meeting.pk}.ics")


# Participation figures ------------------------------------------------------------------

def participation_page(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "plans.view_plan", plan)
    figures = participation.plan_figures(plan)
    overall = figures.overall
    charts = []
    if overall.total:
        charts = [
            bar_chart(_("Participants by sector"), overall.sector_rows(),
                      label_header=_("Sector"), value_header=_("People"),
                      percent_of=overall.total),
            bar_chart(_("Gender balance"), overall.gender_rows(), label_header=_("Gender"),
                      value_header=_("People"), percent_of=overall.total),
            bar_chart(_("Participants per meeting"),
                      [(m.title, b.total)
                       for m, b in figures.meetings],
                      label_header=_("Meeting"), value_header=_("People")),
            bar_chart(_("Participants per component"),
                      [(c.title if c else _("The whole plan"), b.total)
                       for c, _held, b in figures.components],
                      label_header=_("Component"), value_header=_("People")),
        ]
        if figures.top_organisations:
            charts.append(bar_chart(_("Organisations that took part most often"),
                                    figures.top_organisations,
                                    label_header=_("Organisation"),
                                    value_header=_("Attendances")))
    return render(request, "consultation/meetings/participation.html", {
        "plan": plan, "figures": figures, "overall": overall, "charts": charts,
        "sector_count": len(participation.SECTOR_KEYS),
        "meetings_url": reverse("consultation:meetings", kwargs={"slug": plan.slug}),
    })

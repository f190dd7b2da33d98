"""Consultation meetings, read-only and public: published meetings (and cancelled ones, with
the reason), their documents and the ideas raised at them. Attendance comes only as
aggregate figures — how many, from which sectors, the gender balance — never as names.

Queries are fixed per request, whatever the number of meetings or participants.
"""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from bashke.api.permissions import ask
from bashke.api.routers.plans import institution_data, language_of
from bashke.api.schemas import (
    Error,
    Id,
    InstitutionOut,
    Language,
    LanguageQuery,
    Limit,
    Offset,
    ValidationErrorOut,
)
from bashke.consultation import participation
from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Meeting, MeetingKind, MeetingStatus
from bashke.plans.models import ActionPlan

router = Router(tags=["meetings"])


class MeetingListQuery(Schema):
    lang: Language | None = Field(None, description="Language of the `title`-style fields.")
    when: str | None = Field(None, pattern="^(upcoming|past)$",
                             description="`upcoming` (not yet ended) or `past`; both if absent.")
    limit: Limit = 50
    offset: Offset = 0



class AttendanceFigures(Schema):
    total: int = Field(..., description="Participants recorded (a person at two meetings "
                                        "counts at each).")
    by_gender: dict[str, int] = Field(..., description="woman, man, other, unsaid.")
    by_sector: dict[str, int] = Field(..., description="Sector codes, and `unknown`.")
    organisations: int
    civil_society_organisations: int
    sectors_represented: int
    women_share: float | None = Field(..., description="Per cent of those who gave a gender.")
    outside_government_share: float | None = Field(
        ..., description="Per cent of those whose sector is known.")


class MeetingSummary(Schema):
    id: int
    url: str
    ical_url: str
    plan: str
    kind: MeetingKind
    kind_label: str
    title: str
    title_sq: str
    title_en: str
    component: str | None = Field(..., description="The component's slug; null for the "
                                                   "whole plan.")
    component_title: str | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    online_url: str
    capacity: int | None
    registered: int
    status: MeetingStatus
    cancelled_reason: str
    organiser: InstitutionOut | None
    ideas: int
    attendance: AttendanceFigures | None = Field(
        ..., description="Once the meeting has started; null before.")


class MeetingPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[MeetingSummary]


class DocumentOut(Schema):
    title: str
    filename: str
    size: int
    content_type: str
    url: str


class IdeaLink(Schema):
    id: int
    title: str
    language: str
    url: str


class MeetingDetail(MeetingSummary):
    description: str
    description_sq: str
    description_en: str
    agenda: str
    agenda_sq: str
    agenda_en: str
    minutes: str
    minutes_sq: str
    minutes_en: str
    documents: list[DocumentOut]
    raised_ideas: list[IdeaLink]


def _summary(request, meeting, figures, now) -> dict:
    component = meeting.component
    return {
        "id": meeting.pk,
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "ical_url": request.build_absolute_uri(
            meeting.get_absolute_url() + "meeting.ics"),
        "plan": meeting.plan.slug,
        "kind": meeting.kind,
        "kind_label": meeting.get_kind_display(),
        "title": meeting.title, "title_sq": meeting.title_sq, "title_en": meeting.title_en,
        "component": component.slug if component else None,
        "component_title": component.title if component else None,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "online_url": meeting.online_url,
        "capacity": meeting.capacity,
        "registered": meeting.registration_count,
        "status": meeting.status,
        "cancelled_reason": meeting.cancelled_reason,
        "organiser": institution_data(meeting.organiser),
        "ideas": figures.ideas,
        "attendance": figures.as_data() if meeting.has_started(now) else None,
    }


def _pair(meeting, field):
    return {field: getattr(meeting, field), f"{field}_sq": getattr(meeting, f"{field}_sq"),
            f"{field}_en": getattr(meeting, f"{field}_en")}


@router.get("/plans/{slug}/meetings",
            response={200: MeetingPage, 404: Error, 422: ValidationErrorOut},
            summary="Consultation meetings of a plan", operation_id="list_plan_meetings")
def list_meetings(request: HttpRequest, response: HttpResponse, slug: str,
                  query: Query[MeetingListQuery]):
    """The plan's published and cancelled meetings, oldest first, with how many registered,
    how many ideas were raised and, for meetings that have started, the attendance figures."""
    plan = ActionPlan.objects.filter(slug=slug).only("pk", "slug").first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    now = timezone.now()
    meetings = Meeting.objects.for_plan(plan).public().for_list().order_by("starts_at", "id")
    if query.when == "upcoming":
        meetings = meetings.filter(ends_at__gte=now)
    elif query.when == "past":
        meetings = meetings.filter(ends_at__lt=now)
    count = meetings.count()
    page = list(meetings[query.offset:query.offset + query.limit])
    figures = participation.figures_for_meetings([m.pk for m in page])
    with translation.override(language_of(request, response, query.lang)):
        items = [_summary(request, meeting, figures[meeting.pk], now) for meeting in page]
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.get("/meetings/{meeting_id}",
            response={200: MeetingDetail, 404: Error, 422: ValidationErrorOut},
            summary="One consultation meeting", operation_id="get_meeting")
def get_meeting(request: HttpRequest, response: HttpResponse, meeting_id: Id,
                query: Query[LanguageQuery]):
    """A published or cancelled meeting: its texts in both languages, documents, the ideas
    raised at it and the attendance figures (counts only)."""
    meeting = Meeting.objects.public().for_list().filter(pk=meeting_id).first()
    if meeting is None:
        raise HttpError(404, f"No published meeting has the id {meeting_id}.")
    ask(request, "consultation.view_meeting", meeting)
    now = timezone.now()
    figures = participation.meeting_figures(meeting)
    documents = list(meeting.documents.all())
    ideas = list(Idea.objects.filter(meeting=meeting, hidden_at__isnull=True)
                 .select_related("plan").order_by("submitted_at", "id"))
    with translation.override(language_of(request, response, query.lang)):
        return {
            **_summary(request, meeting, figures, now),
            **_pair(meeting, "description"), **_pair(meeting, "agenda"),
            **_pair(meeting, "minutes"),
            "documents": [{
                "title": d.title, "filename": d.filename, "size": d.size,
                "content_type": d.content_type,
                "url": request.build_absolute_uri(d.get_absolute_url())} for d in documents],
            "raised_ideas": [{
                "id": idea.pk, "title": idea.title, "language": idea.language,
                "url": request.build_absolute_uri(idea.get_absolute_url())} for idea in ideas],
        }

"""Scheduling, editing, publishing and cancelling meetings: the rules and their messages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from meetings_helpers import at, fields, held, schedule

from bashke.consultation.models.meetings import Meeting, MeetingStatus
from bashke.consultation.services import meetings as services
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user

pytestmark = pytest.mark.django_db


def errors_of(excinfo):
    return excinfo.value.message_dict


def test_a_new_meeting_is_a_draft_with_an_audit_entry_on_the_plan(plan, coordinator):
    meeting = services.create_meeting(plan, actor=coordinator, **fields(capacity=20))
    assert meeting.status == MeetingStatus.DRAFT and meeting.published_at is None
    entry = AuditEntry.objects.get(object_type="consultation.meeting", object_id=str(meeting.pk))
    assert entry.scope == plan.audit_scope and entry.actor == coordinator
    assert entry.changes["capacity"] == [None, 20]


def test_end_before_start_is_refused_next_to_the_end(plan, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator,
                                **fields(starts_at=at(3, 12), ends_at=at(3, 10)))
    assert errors_of(excinfo)["ends_at"] == ["The meeting must end after it starts."]
    with pytest.raises(ValidationError):
        services.create_meeting(plan, actor=coordinator,
                                **fields(starts_at=at(3, 12), ends_at=at(3, 12)))
    assert not Meeting.objects.exists()


def test_a_place_or_a_link_is_required(plan, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator, **fields(place="   "))
    assert "place where the meeting is held" in errors_of(excinfo)["place"][0]
    online = services.create_meeting(plan, actor=coordinator,
                                     **fields(place="", online_url="https://meet.example.org/x"))
    assert online.online_url == "https://meet.example.org/x"


@pytest.mark.parametrize("link", ["not a link", "javascript:alert(1)", "http://", "ftp//x"])
def test_a_malformed_link_is_refused(plan, coordinator, link):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator, **fields(online_url=link))
    assert "online_url" in errors_of(excinfo)


@pytest.mark.parametrize("capacity,message", [
    (0, "greater than or equal to 1"),
    (-5, "greater than or equal to"),
    (10**9, "less than or equal to 5000"),
])
def test_capacity_must_be_a_sensible_positive_number(plan, coordinator, capacity, message):
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator, **fields(capacity=capacity))
    assert message in " ".join(errors_of(excinfo)["capacity"])


def test_the_database_holds_the_same_rules(plan):
    base = {"plan": plan, "title_sq": "x", "starts_at": at(1, 10), "ends_at": at(1, 12),
            "place": "Tiranë"}
    for broken in ({"ends_at": at(1, 9)}, {"place": ""}, {"capacity": 0},
                   {"title_sq": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Meeting.objects.create(**{**base, **broken})


def test_a_title_in_one_language_is_enough_and_is_shown_in_both(plan, coordinator):
    meeting = services.create_meeting(plan, actor=coordinator,
                                      **fields(title_sq="Vetëm shqip", title_en=""))
    assert meeting.title == "Vetëm shqip" and meeting.title_language == "sq"
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator, **fields(title_sq=" ", title_en=""))
    assert "title_sq" in errors_of(excinfo)


def test_code_naming_one_title_sets_it(plan):
    meeting = Meeting(plan=plan, title="Takim", starts_at=at(1), ends_at=at(1, 12), place="x")
    assert (meeting.title_sq, meeting.title_en) == ("Takim", "Takim")


def test_a_component_of_another_plan_is_refused(plan, coordinator, jurisdiction):
    other = plan_services.create_plan(actor=None, jurisdiction=jurisdiction, number=9,
                                      slug="other", title_sq="Tjetër", title_en="Other",
                                      start=datetime.date(2030, 1, 1),
                                      end=datetime.date(2031, 12, 31))
    goal = plan_services.add_goal(other, actor=None, number=1, title_sq="Q", title_en="G")
    foreign = plan_services.add_component(goal, actor=None, slug="c", title_sq="K",
                                          title_en="C")
    with pytest.raises(ValidationError) as excinfo:
        services.create_meeting(plan, actor=coordinator, **fields(component=foreign))
    assert "component" in errors_of(excinfo)


def test_component_staff_schedule_only_for_their_component(plan, component, component_leader,
                                                           secretariat_member):
    other = plan.goals.get().components.get(slug="transparency")
    mine = services.create_meeting(plan, actor=component_leader, **fields(component=component))
    assert mine.component == component
    for person in (component_leader, secretariat_member):
        with pytest.raises(ValidationError) as excinfo:
            services.create_meeting(plan, actor=person, **fields(component=other))
        assert "components you lead or support" in errors_of(excinfo)["component"][0]
        with pytest.raises(ValidationError) as excinfo:
            services.create_meeting(plan, actor=person, **fields())
        assert "Choose the component" in errors_of(excinfo)["component"][0]


@pytest.mark.parametrize("persona", ["citizen", "cso_member", "assessor", "reviewer",
                                     "moderator", "anonymous"])
def test_people_without_a_role_cannot_schedule(request, plan, persona):
    with pytest.raises(PermissionDenied):
        services.create_meeting(plan, actor=request.getfixturevalue(persona), **fields())


def test_publishing_and_editing_bump_the_calendar_sequence(plan, coordinator):
    meeting = services.create_meeting(plan, actor=coordinator, **fields())
    meeting = services.update_meeting(meeting, actor=coordinator, place="Salla 3")
    assert meeting.sequence == 0  # nobody has it in a calendar yet
    meeting = services.publish_meeting(meeting, actor=coordinator)
    assert meeting.status == MeetingStatus.PUBLISHED and meeting.published_at
    meeting = services.update_meeting(meeting, actor=coordinator, starts_at=at(8, 9),
                                      ends_at=at(8, 11))
    assert meeting.sequence == 1
    meeting = services.update_meeting(meeting, actor=coordinator, capacity=50)
    assert meeting.sequence == 1  # capacity is not in the calendar
    with pytest.raises(ValidationError):
        services.publish_meeting(meeting, actor=coordinator)


def test_capacity_cannot_drop_below_those_registered(plan, coordinator, citizen, cso_member):
    meeting = schedule(plan, coordinator, capacity=10)
    services.register(meeting, actor=citizen)
    services.register(meeting, actor=cso_member)
    with pytest.raises(ValidationError) as excinfo:
        services.update_meeting(meeting, actor=coordinator, capacity=1)
    assert "2 people have already registered" in errors_of(excinfo)["capacity"][0]
    assert services.update_meeting(meeting, actor=coordinator, capacity=2).capacity == 2


def test_cancelling_needs_a_reason_and_is_public(plan, coordinator):
    meeting = schedule(plan, coordinator)
    with pytest.raises(ValidationError) as excinfo:
        services.cancel_meeting(meeting, actor=coordinator, reason="  ")
    assert "cancelled_reason" in errors_of(excinfo)
    meeting = services.cancel_meeting(meeting, actor=coordinator, reason="The hall flooded.")
    assert meeting.status == MeetingStatus.CANCELLED and meeting.sequence == 1
    assert meeting in Meeting.objects.public()
    with pytest.raises(ValidationError):
        services.update_meeting(meeting, actor=coordinator, place="Elsewhere")
    with pytest.raises(ValidationError):
        services.cancel_meeting(meeting, actor=coordinator, reason="again")


def test_a_draft_cannot_be_cancelled_and_a_past_meeting_neither(plan, coordinator):
    draft = schedule(plan, coordinator, publish=False)
    with pytest.raises(ValidationError):
        services.cancel_meeting(draft, actor=coordinator, reason="x")
    past = held(plan, coordinator)
    with pytest.raises(ValidationError) as excinfo:
        services.cancel_meeting(past, actor=coordinator, reason="x")
    assert "already taken place" in excinfo.value.messages[0]


def test_drafts_are_not_public(plan, coordinator):
    draft = schedule(plan, coordinator, publish=False)
    published = schedule(plan, coordinator)
    assert list(Meeting.objects.public()) == [published]
    assert draft.pk not in Meeting.objects.public().values_list("pk", flat=True)


def test_leader_of_another_component_cannot_edit(plan, component, coordinator):
    other = plan.goals.get().components.get(slug="transparency")
    outsider = make_user("other-leader@example.org", "Other leader")
    plan_services.assign_role(plan, outsider, Role.COMPONENT_LEADER, actor=None,
                              component=other)
    meeting = schedule(plan, coordinator, component=component)
    with pytest.raises(PermissionDenied):
        services.update_meeting(meeting, actor=outsider, place="x")

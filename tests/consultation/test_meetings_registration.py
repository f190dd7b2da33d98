"""Registering for meetings: places, states of the meeting, the pages, and two people asking
for the last place at the same moment."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation
from meetings_helpers import at, held, schedule

from bashke.consultation.models.meetings import MeetingRegistration
from bashke.consultation.services import meetings as services
from bashke.core.models import AuditEntry

from personas import make_user


@pytest.mark.django_db
def test_register_and_unregister(plan, coordinator, citizen):
    meeting = schedule(plan, coordinator, capacity=5)
    registration = services.register(meeting, actor=citizen)
    assert services.register(meeting, actor=citizen) == registration  # twice is once
    assert meeting.registrations.count() == 1
    assert services.unregister(meeting, actor=citizen) is True
    assert services.unregister(meeting, actor=citizen) is False
    assert not meeting.registrations.exists()
    entries = AuditEntry.objects.filter(object_type="consultation.meetingregistration")
    assert [e.action for e in entries.order_by("id")] == ["create", "delete"]
    # Who registered is personal: kept out of the plan's public history.
    assert all(e.scope == "" and e.personal_fields == ["user"] for e in entries)


@pytest.mark.django_db
def test_the_last_place_goes_to_the_first_and_the_next_is_told(plan, coordinator, citizen,
                                                               cso_member):
    meeting = schedule(plan, coordinator, capacity=1)
    services.register(meeting, actor=citizen)
    with pytest.raises(ValidationError) as excinfo:
        services.register(meeting, actor=cso_member)
    assert excinfo.value.messages == ["The one place at this meeting is taken."]
    services.unregister(meeting, actor=citizen)
    services.register(meeting, actor=cso_member)


@pytest.mark.django_db
def test_no_registration_for_drafts_cancelled_or_started_meetings(plan, coordinator, citizen,
                                                                  staff):
    draft = schedule(plan, coordinator, publish=False)
    cancelled = services.cancel_meeting(schedule(plan, coordinator), actor=coordinator,
                                        reason="Postponed to spring.")
    started = schedule(plan, coordinator, starts_at=at(0, 0), ends_at=at(1, 23))
    for meeting, message in ((draft, "not been published"), (cancelled, "cancelled"),
                             (started, "has started")):
        for person in (citizen, staff):
            with pytest.raises(ValidationError) as excinfo:
                services.register(meeting, actor=person)
            assert message in excinfo.value.messages[0]
    with pytest.raises(ValidationError):
        services.unregister(held(plan, coordinator), actor=citizen)


@pytest.mark.django_db
def test_anonymous_cannot_register(plan, coordinator, anonymous):
    meeting = schedule(plan, coordinator)
    with pytest.raises(PermissionDenied):
        services.register(meeting, actor=anonymous)


@pytest.mark.django_db
def test_registration_pages(plan, coordinator, citizen, cso_member, client, client_for):
    meeting = schedule(plan, coordinator, capacity=1)
    url = meeting.get_absolute_url().replace("/sq/", "/en/")
    anonymous_page = client.get(url).content.decode()
    assert "Log in to register for this meeting" in anonymous_page
    assert client.post(url + "register/").status_code == 302
    assert not meeting.registrations.exists()

    browser = client_for(citizen)
    assert browser.get(url + "register/").status_code == 405  # a GET changes nothing
    response = browser.post(url + "register/", follow=True)
    page = response.content.decode()
    assert "You are registered for this meeting." in page and "Cancel my registration" in page
    assert "1 (0 free)" in page

    other = client_for(cso_member).post(url + "register/", follow=True).content.decode()
    assert "The one place at this meeting is taken." in other
    assert "All places are taken." in other

    page = browser.post(url + "unregister/", follow=True).content.decode()
    assert "Your registration is cancelled." in page
    assert not meeting.registrations.exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_asking_for_the_last_place_at_once(plan, coordinator):
    meeting = schedule(plan, coordinator, capacity=2)
    services.register(meeting, actor=make_user("first@example.org", "First"))
    people = [make_user(f"p{n}@example.org", f"Person {n}") for n in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def ask(person):
        translation.activate("en")  # each thread starts in the default language
        try:
            barrier.wait(timeout=10)
            services.register(meeting, actor=person)
            outcomes.append("registered")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["All 2 places at this meeting are taken.", "registered"]
    assert MeetingRegistration.objects.filter(meeting=meeting).count() == 2

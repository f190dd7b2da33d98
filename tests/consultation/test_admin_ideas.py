"""The admin gives a plan's moderators and coordinators its ideas, and hides or restores
them through the services with a public reason (issue 7, defect 6); another plan's ideas
are neither listed nor reachable."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from bashke.consultation.models import Idea
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user

pytestmark = pytest.mark.django_db
CHANGELIST = "/en/admin/consultation/idea/"


@pytest.fixture
def staff_moderator(open_plan):
    person = make_user("mod@example.org", "Moderator", is_staff=True)
    plan_services.assign_role(open_plan, person, Role.MODERATOR, actor=None)
    return person


@pytest.fixture
def ideas(open_plan, citizen, make_idea):
    return [make_idea(citizen, title="Open the courts"), make_idea(citizen, title="SPAM SPAM")]


@pytest.fixture
def elsewhere(plan, citizen):
    # An idea of another plan, recorded by its coordinator.
    coordinator = make_user("elsewhere@example.org", "Elsewhere", is_staff=True)
    plan_services.assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    from bashke.consultation.services import ideas as idea_services

    return idea_services.submit_idea(plan, actor=coordinator, recorded=True,
                                     channel="email", answers={"title": "Elsewhere idea",
                                                               "overall_idea": "x"})


def test_a_moderator_lists_only_the_ideas_of_their_plan(client_for, staff_moderator, ideas,
                                                        elsewhere):
    page = client_for(staff_moderator).get(CHANGELIST).content.decode()
    assert "Open the courts" in page and "SPAM SPAM" in page
    assert "Elsewhere idea" not in page


def test_hiding_asks_a_reason_and_goes_through_the_service(client_for, staff_moderator, ideas,
                                                           elsewhere):
    client = client_for(staff_moderator)
    spam = ideas[1]
    chosen = {"action": "hide_ideas", ACTION_CHECKBOX_NAME: [spam.pk, elsewhere.pk]}
    asked = client.post(CHANGELIST, chosen)
    assert asked.status_code == 200 and "Reason shown in its place" in asked.content.decode()
    client.post(CHANGELIST, {**chosen, "reason": "Advertising, not an idea."})
    spam.refresh_from_db()
    elsewhere.refresh_from_db()
    assert spam.hidden_reason == "Advertising, not an idea." and spam.hidden_at is not None
    assert elsewhere.hidden_at is None  # not theirs: never in the list acted on
    assert AuditEntry.objects.filter(object_type="consultation.idea", object_id=str(spam.pk),
                                     changes__hidden_reason__1="Advertising, not an idea."
                                     ).exists()
    client.post(CHANGELIST, {"action": "restore_ideas", ACTION_CHECKBOX_NAME: [spam.pk]})
    spam.refresh_from_db()
    assert spam.hidden_at is None and spam.hidden_reason == ""


def test_an_empty_reason_hides_nothing(client_for, staff_moderator, ideas):
    client = client_for(staff_moderator)
    response = client.post(CHANGELIST, {"action": "hide_ideas", "reason": "  ",
                                        ACTION_CHECKBOX_NAME: [ideas[0].pk]})
    assert response.status_code == 200
    assert not Idea.objects.filter(hidden_at__isnull=False).exists()


def test_staff_without_a_role_see_no_ideas(client_for, ideas):
    staff = make_user("staff@example.org", "Staff", is_staff=True)
    response = client_for(staff).get(CHANGELIST)
    assert response.status_code in (302, 403)

"""One test per permission of the assessment and persona: who manages the criteria and
the assessors, who scores which idea, who sees the individual scores when. Staff without
a role and a coordinator of another plan get nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from scoring_helpers import make_assessor, open_sheet, record_idea, submit

from bashke.assessment.services import criteria as criteria_services
from bashke.core.permissions import allowed

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "component_leader", "secretariat_member", "assessor", "reviewer",
            "moderator", "cso_member", "staff_without_role", "other_plan_coordinator"]


@pytest.fixture
def idea(plan, coordinator, component):
    return record_idea(plan, coordinator, component)


@pytest.mark.parametrize("persona", PERSONAS)
def test_criteria_and_assessors_are_the_coordinators(request, plan, persona):
    person = request.getfixturevalue(persona)
    expected = persona == "coordinator"
    for permission in ("assessment.manage_criteria", "assessment.assign_assessors"):
        assert allowed(person, permission, plan) is expected
        assert allowed(person, permission, plan.criteria_sheet) is expected
    criterion = plan.criteria_sheet.criteria.first()
    assert allowed(person, "assessment.manage_criteria", criterion) is expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_ideas_are_scored_by_their_assessors(request, plan, idea, persona):
    person = request.getfixturevalue(persona)
    expected = persona == "assessor"
    assert allowed(person, "assessment.assess_idea", idea) is expected
    assert allowed(person, "assessment.assess_idea", plan) is expected


def test_a_component_assessor_scores_that_components_ideas_only(plan, coordinator, component,
                                                                idea):
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    theirs = record_idea(plan, coordinator, other, "Elsewhere")
    person = make_assessor(plan, "component@example.org", component=component)
    assert allowed(person, "assessment.assess_idea", idea)
    assert not allowed(person, "assessment.assess_idea", theirs)
    assert allowed(person, "assessment.assess_idea", plan)


def test_an_anonymous_visitor_assesses_nothing(plan, idea):
    assert not allowed(AnonymousUser(), "assessment.assess_idea", idea)
    assert not allowed(AnonymousUser(), "assessment.view_scores", idea)


@pytest.mark.parametrize("persona", PERSONAS)
def test_individual_scores_while_open(request, plan, coordinator, idea, persona):
    person = request.getfixturevalue(persona)
    sheet = open_sheet(plan, coordinator)
    submit(idea, make_assessor(plan, "first@example.org"), sheet)
    assert allowed(person, "assessment.view_scores", idea) is (persona == "coordinator")
    if persona == "assessor":
        submit(idea, person, sheet)
        assert allowed(person, "assessment.view_scores", idea)
        assert not allowed(person, "assessment.view_scores", plan)


@pytest.mark.parametrize("persona", PERSONAS)
def test_individual_scores_are_everyones_once_closed(request, plan, coordinator, idea,
                                                     persona):
    sheet = open_sheet(plan, coordinator)
    criteria_services.close_assessment(sheet, actor=coordinator)
    person = request.getfixturevalue(persona)
    assert allowed(person, "assessment.view_scores", idea)
    assert allowed(person, "assessment.view_scores", plan)

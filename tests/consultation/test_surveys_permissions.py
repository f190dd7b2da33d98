"""One test per survey permission and persona: who manages (and exports) a plan-wide
survey, one on their component and one on another component; who sees drafts; who sees
results before and after the survey closes."""

import pytest
from surveys_helpers import make_survey

from bashke.consultation.models import ResultsVisibility, SurveyStatus
from bashke.consultation.services import surveys as services

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "component_leader", "secretariat_member", "staff", "assessor",
            "reviewer", "moderator", "cso_member", "citizen", "anonymous", "staff_without_role",
            "other_plan_coordinator"]
# Who manages a survey on: the whole plan, their own component, another component.
MANAGES = {
    "coordinator": (True, True, True),
    "component_leader": (True, True, False),
    "secretariat_member": (True, True, False),
    "staff": (True, True, True),  # a superuser
    # staff_without_role and other_plan_coordinator: nothing (being staff, or coordinating
    # another plan, grants nothing on this one).
}


@pytest.fixture
def places(plan, component):
    other = plan.goals.get().components.exclude(pk=component.pk).get()
    return {"plan": None, "own": component, "other": other}


def survey_on(plan, place, **kwargs):
    return make_survey(plan, component=place, **kwargs)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("where", ["plan", "own", "other"])
def test_manage_and_export(request, plan, places, persona, where):
    user = request.getfixturevalue(persona)
    survey = survey_on(plan, places[where], status=SurveyStatus.DRAFT)
    expected = MANAGES.get(persona, (False, False, False))[["plan", "own", "other"].index(where)]

    assert user.has_perm("consultation.manage_survey", survey) is expected
    assert user.has_perm("consultation.export_survey", survey) is expected
    # A draft is seen only by those who build it.
    assert user.has_perm("consultation.view_survey", survey) is expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_published_survey_is_public(request, plan, persona):
    user = request.getfixturevalue(persona)
    assert user.has_perm("consultation.view_survey", survey_on(plan, None))


@pytest.mark.parametrize("persona", PERSONAS)
def test_results_kept_until_the_close_are_seen_early_only_by_editors(request, plan, persona):
    user = request.getfixturevalue(persona)
    survey = survey_on(plan, None, results=ResultsVisibility.AFTER_CLOSE)
    assert user.has_perm("consultation.view_survey_results", survey) is (persona in MANAGES)

    survey = services.set_status(survey, actor=None, status=SurveyStatus.CLOSED)
    assert user.has_perm("consultation.view_survey_results", survey)


@pytest.mark.parametrize("persona", PERSONAS)
def test_live_results_are_public_while_it_runs(request, plan, persona):
    user = request.getfixturevalue(persona)
    survey = survey_on(plan, None, results=ResultsVisibility.LIVE)
    assert user.has_perm("consultation.view_survey_results", survey)


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_sees_the_results_of_a_draft_but_its_editors(request, plan, persona):
    user = request.getfixturevalue(persona)
    survey = survey_on(plan, None, status=SurveyStatus.DRAFT, results=ResultsVisibility.LIVE)
    assert user.has_perm("consultation.view_survey_results", survey) is (persona in MANAGES)


def test_a_plan_role_elsewhere_gives_no_rights_here(plan, open_plan, coordinator):
    survey = make_survey(open_plan, status=SurveyStatus.DRAFT)
    assert not coordinator.has_perm("consultation.manage_survey", survey)
    assert not coordinator.has_perm("consultation.view_survey", survey)

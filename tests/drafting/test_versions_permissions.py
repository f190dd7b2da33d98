"""One test per permission of the versions and persona: coordinators manage, moderators and
coordinators moderate, anyone signed in comments while a version is open, everyone reads."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from versions_helpers import make_table

from bashke.core.permissions import allowed
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(plan, agency, coordinator):
    make_table(plan, institution=agency)
    return services.freeze(plan, actor=coordinator)


def test_reading_is_public(version, plan, citizen, staff_without_role):
    for person in (AnonymousUser(), citizen, staff_without_role):
        assert allowed(person, "drafting.view_version", version)
        assert allowed(person, "drafting.view_version", plan)


def test_only_this_plans_coordinators_manage(version, plan, coordinator, component_leader,
                                             moderator, citizen, staff_without_role,
                                             other_plan_coordinator, staff):
    assert allowed(coordinator, "drafting.manage_versions", plan)
    assert allowed(coordinator, "drafting.manage_versions", version)
    assert allowed(staff, "drafting.manage_versions", version)  # a superuser
    for person in (component_leader, moderator, citizen, staff_without_role,
                   other_plan_coordinator, AnonymousUser()):
        assert not allowed(person, "drafting.manage_versions", version), person


def test_moderators_and_coordinators_moderate(version, coordinator, moderator, citizen,
                                              component_leader, other_plan_coordinator):
    for person in (coordinator, moderator):
        assert allowed(person, "drafting.moderate_version_comments", version)
    for person in (citizen, component_leader, other_plan_coordinator, AnonymousUser()):
        assert not allowed(person, "drafting.moderate_version_comments", version)


def test_commenting_needs_an_account_and_an_open_window(version, citizen):
    assert not allowed(citizen, "drafting.comment_on_version", version)  # only frozen
    version.status = "consultation"
    version.comments_open_from = today()
    version.comments_open_until = today() + datetime.timedelta(days=2)
    assert allowed(citizen, "drafting.comment_on_version", version)
    assert not allowed(AnonymousUser(), "drafting.comment_on_version", version)
    version.comments_open_until = today() - datetime.timedelta(days=1)
    assert not allowed(citizen, "drafting.comment_on_version", version)

"""The plan, people and idea the decision tests share (services, pages, API): a plan in
co-creation, its coordinator, and an idea put forward in component A."""

import pytest

from bashke.accounts.models import Sector
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.plans import services as plan_services
from bashke.plans.models import Role

import scenes
from personas import make_user

__all__ = ["author", "component", "coordinator", "idea", "other_component", "plan", "submit"]


@pytest.fixture
def plan(jurisdiction, ministry, agency):
    return scenes.open_plan(jurisdiction, ministry, agency)


@pytest.fixture
def component(plan):
    return plan.goals.get(number=1).components.get()


@pytest.fixture
def other_component(plan):
    return plan.goals.get(number=2).components.get()


@pytest.fixture
def author(db):
    return make_user("author@example.org", "Author")


@pytest.fixture
def coordinator(plan):
    user = make_user("coord@example.org", "Coordinator", sector=Sector.GOVERNMENT)
    plan_services.assign_role(plan, user, Role.COORDINATOR, actor=None)
    return user


def submit(plan, author, title, component=None):
    return idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
        "title": title, "overall_idea": "Open it.", "component": component, "language": "en"})


@pytest.fixture
def idea(plan, author, component):
    return submit(plan, author, "Open budget data", component)

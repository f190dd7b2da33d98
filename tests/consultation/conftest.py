"""Consultation fixtures: a plan whose online consultation is open today."""

import datetime

import pytest

from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import StageKind


@pytest.fixture
def open_plan(jurisdiction, ministry, agency):
    """A plan in co-creation: its online consultation runs from a week ago to in three."""
    day = today()
    plan = plan_services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=7, slug="albania-open",
        title_sq="Plani i hapur", title_en="Open plan",
        start=datetime.date(day.year + 1, 1, 1), end=datetime.date(day.year + 2, 12, 31))
    goal = plan_services.add_goal(plan, actor=None, number=1, title_sq="Qeverisja digjitale",
                                  title_en="Digital Governance")
    plan_services.add_component(goal, actor=None, slug="online-services", position=1,
                                title_sq="Shërbimet online", title_en="Online services",
                                leaders=[agency])
    other = plan_services.add_goal(plan, actor=None, number=2, title_sq="Aksesi në drejtësi",
                                   title_en="Access to Justice")
    plan_services.add_component(other, actor=None, slug="legal-aid", position=1,
                                title_sq="Ndihma juridike", title_en="Legal aid",
                                leaders=[ministry])
    plan_services.add_stage(plan, actor=None, kind=StageKind.ONLINE_CONSULTATION,
                            start=day - datetime.timedelta(days=7),
                            end=day + datetime.timedelta(days=21))
    return plan


@pytest.fixture
def open_component(open_plan):
    return open_plan.goals.get(number=1).components.get()


@pytest.fixture
def make_idea(open_plan, open_component):
    """``make_idea(author, **answers)``: an idea submitted online by that person."""
    counter = iter(range(1, 100000))

    def build(author, **answers):
        fields = {"title": f"Idea {next(counter)}", "overall_idea": "Open the budget data.",
                  "component": open_component, **answers}
        return idea_services.submit_idea(open_plan, actor=author, answers=fields,
                                         channel=Channel.ONLINE)

    return build

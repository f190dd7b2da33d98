"""Consultation fixtures: a plan whose online consultation is open today."""


import pytest

from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services

import scenes


@pytest.fixture
def open_plan(jurisdiction, ministry, agency):
    """A plan in co-creation: its online consultation runs from a week ago to in three."""
    return scenes.open_plan(jurisdiction, ministry, agency)


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

"""The ideas a measure or activity came from: chosen among the plan's ideas, recorded as
included through the decisions; ideas of another plan refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from table_helpers import build_table

from bashke.assessment.models import Decision, DecisionKind
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.drafting import tree
from bashke.drafting.models import Activity
from bashke.drafting.services.sources import set_source_ideas
from bashke.plans import services as plan_services
from bashke.plans.models import Role

import scenes
from personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_plan(jurisdiction, ministry, agency):
    return scenes.open_plan(jurisdiction, ministry, agency)


@pytest.fixture
def open_component(open_plan):
    return open_plan.goals.get(number=1).components.get()


@pytest.fixture
def leader(open_plan, open_component):
    user = make_user("leader@example.org", "Leader")
    plan_services.assign_role(open_plan, user, Role.COMPONENT_LEADER, actor=None,
                              component=open_component)
    return user


def _idea(plan, component, title, author):
    return idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
        "title": title, "overall_idea": "Publish it.", "component": component,
        "language": "en"})


def test_linking_ideas_records_them_as_included(client_for, open_plan, open_component,
                                                leader, citizen):
    objective, = build_table(open_component, activities=1)
    measure = objective.measures.get()
    chosen = _idea(open_plan, open_component, "Open contracts register", citizen)
    other = _idea(open_plan, open_component, "A citizens' budget", citizen)
    client = client_for(leader)
    url = reverse("drafting:measure_sources", kwargs={"slug": open_plan.slug,
                                                      "pk": measure.pk})
    page = client.get(url, {"q": "contracts"}).content.decode()
    assert "Open contracts register" in page and "citizens&#x27; budget" not in page
    response = client.post(url, {"ideas": [chosen.pk], "version": measure.version})
    assert response.status_code == 302
    assert tree.build(open_plan).measures()[0].source_ideas == [chosen.pk]
    decision = Decision.objects.get(idea=chosen)
    assert decision.kind == DecisionKind.INCLUDED and decision.decided_by == leader
    assert not Decision.objects.filter(idea=other).exists()
    # The measure page links the idea.
    page = client.get(reverse("drafting:measure", kwargs={"slug": open_plan.slug,
                                                          "pk": measure.pk})).content.decode()
    assert chosen.get_absolute_url() in page


def test_an_idea_of_another_plan_is_refused(open_plan, open_component, leader, citizen,
                                            jurisdiction):
    other_plan = scenes.local_plan()
    foreign = _idea(other_plan, other_plan.goals.get().components.get(), "Elsewhere",
                    citizen)
    build_table(open_component, activities=1)
    activity = Activity.objects.get()
    with pytest.raises(ValidationError) as caught:
        set_source_ideas(activity, actor=leader, ideas=[foreign])
    assert "another plan" in caught.value.message_dict["ideas"][0]
    assert not activity.source_ideas.exists()
    assert not Decision.objects.exists()


def test_a_stale_choice_of_sources_is_a_conflict_page(client_for, open_plan, open_component,
                                                      leader, citizen):
    build_table(open_component, activities=1)
    activity = Activity.objects.get()
    idea = _idea(open_plan, open_component, "Open contracts register", citizen)
    set_source_ideas(activity, actor=None, ideas=[idea])
    url = reverse("drafting:activity_sources", kwargs={"slug": open_plan.slug,
                                                       "pk": activity.pk})
    response = client_for(leader).post(url, {"ideas": [], "version": 1})
    assert response.status_code == 409
    assert list(Activity.objects.get().source_ideas.all()) == [idea]

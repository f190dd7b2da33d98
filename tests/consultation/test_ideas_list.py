import pytest
from django.utils import timezone

from bashke.consultation.models import Channel, Idea
from bashke.consultation.models.ideas import fold


def bulk_ideas(plan, component, count, **fields):
    now = timezone.now()
    Idea.objects.bulk_create([
        Idea(plan=plan, goal=component.goal, component=component, title=f"Bulk idea {n}",
             overall_idea="Generated", search_text=fold(f"Bulk idea {n} generated"),
             submitted_at=now, **fields)
        for n in range(count)])


def titles(response):
    return [idea.title for idea in response.context["page_obj"]]


def test_filters_search_and_sort(client, citizen, cso_member, make_idea, open_plan):
    health = make_idea(citizen, title="Regjistri i shëndetësisë", improves_transparency=True)
    budget = make_idea(cso_member, title="Open budget", organisation=cso_member.organisation)
    other_component = open_plan.goals.get(number=2).components.get()
    justice = make_idea(citizen, title="Legal aid map", component=other_component)
    url = f"/en/plans/{open_plan.slug}/ideas/"
    assert titles(client.get(url, {"q": "shendetesi"})) == [health.title]
    assert titles(client.get(url, {"value": "transparency"})) == [health.title]
    assert titles(client.get(url, {"component": other_component.pk})) == [justice.title]
    assert titles(client.get(url, {"sector": "civil_society"})) == [budget.title]
    assert titles(client.get(url, {"channel": "paper"})) == []
    assert set(titles(client.get(url, {"sort": "supported"}))) == {
        health.title, budget.title, justice.title}


def test_bad_filter_values_are_said_and_ignored(client, citizen, make_idea, open_plan):
    make_idea(citizen)
    response = client.get(f"/en/plans/{open_plan.slug}/ideas/",
                          {"component": "not-a-number", "sort": "evil", "page": "999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page
    assert len(titles(response)) == 1


@pytest.mark.parametrize("count", [10, 2000])
def test_the_list_runs_a_bounded_number_of_queries(client, open_plan, open_component, count,
                                                    django_assert_max_num_queries):
    bulk_ideas(open_plan, open_component, count, channel=Channel.ONLINE)
    with django_assert_max_num_queries(8):
        response = client.get(f"/en/plans/{open_plan.slug}/ideas/",
                              {"sort": "discussed", "q": "bulk"})
    assert response.context["page_obj"].paginator.count == count
    assert len(titles(response)) == min(count, 20)

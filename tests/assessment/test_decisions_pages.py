"""The decision pages (the queue of ideas awaiting a response, the form that decides) and
what the consultation's pages show of decisions: the idea page, the idea list's filter,
"My participation"; each in a fixed number of queries, in Albanian and English."""

import re

import pytest
from decisions_fixtures import *  # noqa: F403 (fixtures)
from decisions_fixtures import submit
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bashke.assessment.models import Decision, DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.consultation.models import Idea
from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user

pytestmark = pytest.mark.django_db


def test_the_queue_lists_ideas_awaiting_a_response(client_for, plan, idea, author, coordinator,
                                                   component, other_component):
    answered = submit(plan, author, "Already answered", component)
    decide(answered, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Later.")
    elsewhere = submit(plan, author, "Legal aid online", other_component)
    page = client_for(coordinator).get(f"/en/plans/{plan.slug}/decisions/").content.decode()
    assert "Open budget data" in page and "Legal aid online" in page
    assert "Already answered" not in page
    assert f"/en/plans/{plan.slug}/ideas/{idea.pk}/decision/" in page
    filtered = client_for(coordinator).get(
        f"/en/plans/{plan.slug}/decisions/?component={other_component.pk}").content.decode()
    assert "Legal aid online" in filtered and "Open budget data" not in filtered
    # A component's leader sees only the ideas of their component.
    leader = make_user("leader@example.org", "Leader")
    plan_services.assign_role(plan, leader, Role.COMPONENT_LEADER, actor=None,
                              component=other_component)
    theirs = client_for(leader).get(f"/en/plans/{plan.slug}/decisions/").content.decode()
    assert "Legal aid online" in theirs and "Open budget data" not in theirs
    assert elsewhere.pk


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_queue_and_the_idea_page_run_a_fixed_number_of_queries(
        client_for, plan, author, coordinator, component):
    client = client_for(coordinator)
    first = submit(plan, author, "Idea 0", component)
    decide(first, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Later.")
    counts = []
    for size in (3, 25):
        while plan.ideas.count() < size:
            Idea.objects.create(plan=plan, component=component, author=author,
                                title=f"Idea {plan.ideas.count()}", overall_idea="More.")
        counts.append((count_queries(client, f"/en/plans/{plan.slug}/decisions/"),
                       count_queries(client, first.get_absolute_url()),
                       count_queries(client, f"/en/plans/{plan.slug}/ideas/"),
                       count_queries(client, f"/en/plans/{plan.slug}/ideas/{first.pk}/decision/")))
    # queue, idea page (with its comments and the decision), idea list, decision form
    assert counts == [(10, 18, 9, 7)] * 2


def test_deciding_through_the_form(client_for, plan, idea, coordinator, author):
    client = client_for(coordinator)
    url = f"/en/plans/{plan.slug}/ideas/{idea.pk}/decision/"
    page = client.get(url).content.decode()
    assert "Decision on idea" in page and "Open budget data" in page
    # No response for "not included": refused, what was typed is kept, nothing saved.
    response = client.post(url, {"kind": "not_included", "response_sq": "", "response_en": "",
                                 "version": "0"})
    assert response.status_code == 400
    assert "every decision other than" in response.content.decode()
    assert re.search(r'value="not_included"[^>]*checked', response.content.decode())
    assert not Decision.objects.exists()
    response = client.post(url, {"kind": "not_included", "version": "0",
                                 "response_en": "Outside the plan's scope."})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    decision = Decision.objects.get()
    assert decision.kind == "not_included" and decision.version == 1


def test_a_decision_saved_meanwhile_is_shown_not_overwritten(client_for, plan, idea,
                                                             coordinator):
    client = client_for(coordinator)
    url = f"/en/plans/{plan.slug}/ideas/{idea.pk}/decision/"
    decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED,
           response_en="Their reason: the next plan.")
    response = client.post(url, {"kind": "not_included", "version": "0",
                                 "response_en": "My reason."})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Someone else changed this decision" in page
    assert "Their reason: the next plan." in page and "My reason." in page
    assert 'name="version" value="1"' in page  # saving again replaces theirs knowingly
    assert Decision.objects.get().kind == "deferred"
    again = client.post(url, {"kind": "not_included", "version": "1",
                              "response_en": "My reason."})
    assert again.status_code == 302 and Decision.objects.get().kind == "not_included"


def test_merging_through_the_form_offers_the_plans_other_ideas(client_for, plan, idea, author,
                                                               coordinator, component):
    target = submit(plan, author, "Open spending data", component)
    client = client_for(coordinator)
    url = f"/en/plans/{plan.slug}/ideas/{idea.pk}/decision/"
    page = client.get(url).content.decode()
    assert f'<option value="{target.pk}">#{target.pk} Open spending data</option>' in page
    assert f'<option value="{idea.pk}">' not in page
    response = client.post(url, {"kind": "merged", "merged_into": "", "version": "0",
                                 "response_en": "The same idea."})
    assert response.status_code == 400 and "Choose the idea" in response.content.decode()
    client.post(url, {"kind": "merged", "merged_into": target.pk, "version": "0",
                      "response_en": "The same idea."})
    assert Decision.objects.get().merged_into == target


def test_the_idea_page_shows_the_decision_and_what_it_fed(client, plan, idea, coordinator,
                                                          component):
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "What became of this idea" in page and "Awaiting a response" in page
    decide(idea, actor=coordinator, kind=DecisionKind.INCLUDED,
           response_sq="U përfshi në masën për buxhetin.",
           response_en="Included in the budget measure.")
    objective = Objective.objects.create(component=component, title_en="Open budgets")
    measure = Measure.objects.create(objective=objective, title_en="Publish the budget")
    measure.source_ideas.add(idea)
    activity = Activity.objects.create(measure=measure, title_en="Monthly spending data")
    activity.source_ideas.add(idea)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Included in the action plan" in page
    assert "Included in the budget measure." in page
    assert "U përfshi" not in page  # the reader's language
    assert "Publish the budget" in page and "Monthly spending data" in page
    assert f"/en/plans/{plan.slug}/action-plan/" in page
    albanian = client.get(f"/sq/plans/{plan.slug}/ideas/{idea.pk}/").content.decode()
    assert "U përfshi në masën për buxhetin." in albanian


def test_the_idea_page_offers_the_decision_only_to_those_who_decide(client_for, client, idea,
                                                                     coordinator, author):
    url = idea.get_absolute_url()
    decide_link = f"/ideas/{idea.pk}/decision/"
    assert decide_link in client_for(coordinator).get(url).content.decode()
    assert decide_link not in client_for(author).get(url).content.decode()
    assert decide_link not in client.get(url).content.decode()


def test_the_idea_list_filters_by_decision(client, plan, idea, author, coordinator, component):
    other = submit(plan, author, "Court fees online", component)
    decide(other, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Later.")
    url = f"/en/plans/{plan.slug}/ideas/"
    deferred = client.get(url + "?status=deferred").content.decode()
    assert "Court fees online" in deferred and "Open budget data" not in deferred
    assert "Deferred to a later plan" in deferred
    waiting = client.get(url + "?status=awaiting").content.decode()
    assert "Open budget data" in waiting and "Court fees online" not in waiting
    assert 'value="awaiting" selected>Awaiting a response</option>' in waiting
    assert client.get(url + "?status=submitted").content.decode().count("idea-card") == 2


def test_my_participation_shows_each_ideas_decision(client_for, idea, author, coordinator,
                                                    plan, component):
    other = submit(plan, author, "Court fees online", component)
    decide(other, actor=coordinator, kind=DecisionKind.NOT_INCLUDED, response_en="No.")
    page = client_for(author).get("/en/my-participation/").content.decode()
    assert "Not included" in page and "awaiting a response" in page


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_pages_exist_in_both_languages(client_for, plan, idea, coordinator, language):
    client = client_for(coordinator)
    for url in (f"/{language}/plans/{plan.slug}/decisions/",
                f"/{language}/plans/{plan.slug}/ideas/{idea.pk}/decision/"):
        response = client.get(url)
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


def test_others_are_refused(client_for, client, plan, idea, citizen):
    url = f"/en/plans/{plan.slug}/ideas/{idea.pk}/decision/"
    assert client_for(citizen).get(url).status_code == 403
    assert client_for(citizen).post(url, {"kind": "included", "version": "0"}).status_code == 403
    assert client.get(url).status_code == 302  # to log in
    assert not Decision.objects.exists()

"""The idea form after an error and while choosing where the idea belongs (issue 7,
defect 4): an error summary that links to each field, and a component list that follows the
chosen policy goal."""

import re

import pytest

from personas import make_user


@pytest.fixture
def author(db):
    return make_user("author@example.org", "Author")


def component_options(page):
    select = re.search(r'<select name="component"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


def test_the_component_list_follows_the_chosen_goal(client, open_plan, author):
    client.force_login(author)
    url = f"/en/plans/{open_plan.slug}/ideas/new/"
    everything = client.get(url).content.decode()
    assert len(component_options(everything)) == 2
    # The goal's select asks this page again for the chosen goal, and takes the field only.
    assert f'hx-get="{url}"' in everything and 'hx-select="#field-component"' in everything
    justice = open_plan.goals.get(number=2)
    narrowed = client.get(url, {"goal": justice.pk}).content.decode()
    assert [option.split("— ")[-1] for option in component_options(narrowed)] == ["Legal aid"]


@pytest.mark.parametrize("goal", ["abc", "99999999999999999999", "-1", "²", "0"])
def test_a_strange_goal_in_the_address_shows_every_component(client, open_plan, author, goal):
    client.force_login(author)
    response = client.get(f"/en/plans/{open_plan.slug}/ideas/new/", {"goal": goal})
    assert response.status_code == 200
    assert len(component_options(response.content.decode())) == 2


def test_a_component_of_another_goal_is_answered_by_naming_its_goal(client, open_plan, author):
    client.force_login(author)
    digital = open_plan.goals.get(number=1)
    legal_aid = open_plan.goals.get(number=2).components.get()
    response = client.post(f"/en/plans/{open_plan.slug}/ideas/new/", {
        "title": "Free legal aid online", "goal": digital.pk, "component": legal_aid.pk,
        "language": "en", "overall_idea": "Apply online.", "on_behalf": "person"})
    page = response.content.decode()
    assert "Access to Justice" in page.split('id="field-component"', 1)[1].split("</div>")[0]


def test_errors_are_summed_up_first_with_a_link_to_each_field(client, open_plan, author):
    client.force_login(author)
    response = client.post(f"/en/plans/{open_plan.slug}/ideas/new/",
                           {"language": "en", "on_behalf": "person"})
    page = response.content.decode()
    summary = page.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'tabindex="-1"' in page.split("data-error-summary", 1)[0].rsplit("<div", 1)[1]
    assert '<a href="#id_title">' in summary and '<a href="#id_overall_idea">' in summary
    # Each link leads to a field that exists on the page.
    for target in re.findall(r'<a href="#([\w-]+)">', summary):
        assert f'id="{target}"' in page


def test_log_in_errors_use_the_same_summary_and_success_starts_at_the_heading(client, author):
    page = client.post("/en/accounts/login/", {"username": "author@example.org",
                                               "password": "wrong"}).content.decode()
    assert "data-error-summary" in page
    response = client.post("/en/accounts/login/", {"username": "author@example.org",
                                                   "password": "correct horse battery staple"},
                           follow=True)
    assert "<body data-focus-heading>" in response.content.decode()
    # Only once: the next page starts as usual.
    assert "data-focus-heading" not in client.get("/en/").content.decode()

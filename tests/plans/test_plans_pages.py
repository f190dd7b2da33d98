import datetime

import pytest

from bashke.plans import services
from bashke.plans.models import Role, StageKind

from personas import make_user

D = datetime.date


def grow(plan, institutions, goals=4, components_per_goal=3, stages=6):
    """Adds goals, components and stages so that query counts can be compared."""
    for number in range(10, 10 + goals):
        goal = services.add_goal(plan, actor=None, number=number, title_sq=f"Qëllimi {number}",
                                 title_en=f"Goal {number}")
        for position in range(components_per_goal):
            services.add_component(goal, actor=None, slug=f"c{number}-{position}",
                                   position=position, title_sq=f"Komponenti {position}",
                                   title_en=f"Component {position}", leaders=institutions,
                                   secretariat=institutions)
    for index in range(stages):
        services.add_stage(plan, actor=None, kind=StageKind.MONITORING,
                           start=D(2020, 8, 1) + datetime.timedelta(days=index),
                           end=D(2022, 6, 30))


def test_plan_page_shows_goals_components_leaders_timeline_and_continuity(client, plan):
    page = client.get(f"/en/plans/{plan.slug}/").content.decode()
    for text in ("Access to Justice", "Accessibility to Justice",
                 "Transparency &amp; Accountability",
                 "AKSHI", "MD", "Online consultation", "Approval", "Implementation",
                 "Action Plan 2018–2020", "No gap", "1 January 2022 – 30 June 2022"):
        assert text in page, text


def test_plan_page_in_albanian(client, plan):
    response = client.get(f"/sq/plans/{plan.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sq">' in page
    assert "Aksesi në drejtësi" in page and "Aksesueshmëria në drejtësi" in page


@pytest.mark.parametrize("path", ["/en/plans/{slug}/", "/en/", "/en/plans/{slug}/history/"])
def test_pages_run_a_fixed_number_of_queries(client, plan, ministry, agency, path,
                                             django_assert_max_num_queries):
    url = path.format(slug=plan.slug)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    grow(plan, [ministry, agency])
    with django_assert_max_num_queries(12) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_unknown_plan_is_404(client, db):
    assert client.get("/en/plans/no-such-plan/").status_code == 404


def test_home_shows_what_a_visitor_can_do_during_consultation(client, plan, settings,
                                                               monkeypatch):
    monkeypatch.setattr("bashke.plans.views.today", lambda: D(2020, 1, 20))
    page = client.get("/en/").content.decode()
    assert "Online consultation" in page
    assert "Put forward your ideas" in page


def test_home_says_when_no_plan_is_in_force(client, plan, monkeypatch):
    monkeypatch.setattr("bashke.plans.views.today", lambda: D(2023, 3, 1))
    page = client.get("/en/").content.decode()
    assert "No action plan is in force" in page and "30 June 2022" in page


def test_history_lists_changes_without_personal_data(client, plan):
    person = make_user("arta.hoxha@example.org", "Arta Hoxha")
    services.assign_role(plan, person, Role.COORDINATOR, actor=None)
    services.update_plan(plan, actor=person, title_en="Renamed plan")
    page = client.get(f"/en/plans/{plan.slug}/history/").content.decode()
    assert "Renamed plan" in page and "Coordinator – Renamed plan" in page
    assert "arta.hoxha" not in page and "Arta Hoxha" not in page

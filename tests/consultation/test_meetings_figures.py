"""Participation figures on a known data set, and the pages' query counts pinned at two
sizes: the numbers of meetings, people and ideas must not change how many queries run."""

import pytest
from meetings_helpers import at, held, schedule

from bashke.accounts.models import Sector
from bashke.consultation import participation
from bashke.consultation.services import meetings as services

from personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(plan, component, coordinator, cso, citizen):
    """Three meetings held (component A, component B, the whole plan), one coming, one
    cancelled; eight attendances, three ideas."""
    other = plan.goals.get().components.get(slug="transparency")
    first = held(plan, coordinator, component=component, title_en="First")
    second = held(plan, coordinator, component=other, title_en="Second",
                  starts_at=at(-3, 10), ends_at=at(-3, 12))
    whole = held(plan, coordinator, title_en="Whole", starts_at=at(-2, 10), ends_at=at(-2, 12))
    coming = schedule(plan, coordinator, component=component, title_en="Coming")
    services.register(coming, actor=citizen)
    cancelled = schedule(plan, coordinator, title_en="Cancelled")
    services.cancel_meeting(cancelled, actor=coordinator, reason="No room.")
    cs, gov = Sector.CIVIL_SOCIETY, Sector.GOVERNMENT
    services.record_attendance(first, actor=coordinator, rows=[
        {"name": "Arta", "organisation": cso, "sector": cs, "gender": "woman"},
        {"name": "Besa", "organisation_name": "Mjaft", "sector": cs, "gender": "woman"},
        {"name": "Cen", "organisation_name": "Ministry", "sector": gov, "gender": "man"},
        {"name": "Dea", "sector": Sector.CITIZEN},
    ])
    services.record_attendance(second, actor=coordinator, rows=[
        {"name": "Arta", "organisation": cso, "sector": cs, "gender": "woman"},
        {"name": "Eli", "organisation_name": "Mjaft", "sector": cs, "gender": "other"},
        {"name": "Fan", "gender": "man"},
    ])
    services.record_attendance(whole, actor=coordinator, rows=[
        {"name": "Gent", "organisation_name": "Uni", "sector": Sector.ACADEMIA,
         "gender": "man"}])
    for meeting, title in ((first, "One"), (first, "Two"), (second, "Three")):
        services.record_idea(meeting, actor=coordinator,
                             answers={"title": title, "overall_idea": "An idea."})
    return {"first": first, "second": second, "whole": whole, "other": other}


def test_plan_figures_on_a_known_data_set(plan, component, known):
    figures = participation.plan_figures(plan)
    overall = figures.overall
    assert figures.meetings_held == 3
    assert overall.total == 8 and overall.ideas == 3
    assert overall.genders == {"woman": 3, "man": 3, "other": 1, "unsaid": 1}
    assert overall.sectors == {"government": 1, "civil_society": 4, "private_sector": 0,
                               "academia": 1, "international": 0, "citizen": 1, "unknown": 1}
    assert overall.organisations == 4 and overall.civil_society_organisations == 2
    assert overall.sectors_represented == 4
    assert overall.women_share == 42.9  # 3 of the 7 who gave a gender
    assert overall.outside_government_share == 85.7  # 6 of the 7 whose sector is known
    assert figures.top_organisations == [("Mjaft", 2), ("Qendra për Shoqëri të Hapur", 2),
                                         ("Ministry", 1), ("Uni", 1)]

    by_meeting = {meeting.title_en: counts for meeting, counts in figures.meetings}
    assert list(by_meeting) == ["First", "Second", "Whole"]  # held only, oldest first
    first = by_meeting["First"]
    assert (first.total, first.women, first.men, first.other_or_unsaid) == (4, 2, 1, 1)
    assert (first.organisations, first.ideas, first.sectors_represented) == (3, 2, 3)

    rows = {(c.slug if c else None): (held, counts) for c, held, counts in figures.components}
    assert rows["accessibility"][0] == 1 and rows["accessibility"][1].total == 4
    assert rows["transparency"][0] == 1 and rows["transparency"][1].total == 3
    assert rows["transparency"][1].ideas == 1
    assert rows[None][0] == 1 and rows[None][1].total == 1
    assert figures.components_without_meetings == []


def test_meeting_figures_and_api_data_hold_counts_only(known):
    figures = participation.meeting_figures(known["second"])
    data = figures.as_data()
    assert data["total"] == 3 and data["by_gender"] == {"woman": 1, "man": 1, "other": 1,
                                                        "unsaid": 0}
    assert data["by_sector"]["unknown"] == 1 and data["organisations"] == 2
    assert "Arta" not in repr(data)


def test_an_empty_plan_has_no_figures_and_names_components_without_meetings(plan):
    figures = participation.plan_figures(plan)
    assert figures.overall.total == 0 and figures.overall.women_share is None
    assert {c.slug for c in figures.components_without_meetings} == {"accessibility",
                                                                     "transparency"}


def test_participation_page_shows_the_figures(client, plan, known):
    page = client.get(f"/en/plans/{plan.slug}/meetings/participation/").content.decode()
    assert "Who took part in the consultation meetings" in page
    assert "42.9%" in page and "4 of 6" in page and "85.7%" in page
    assert '<th scope="row">Woman</th><td>3</td><td>37.5</td>' in page  # chart's data table
    assert "Arta" not in page and "Besa" not in page
    assert "Every component has held at least one meeting." in page


def grow(plan, coordinator, component, size):
    """``size`` more meetings held, each with ``size`` people and an idea, and as many
    coming meetings with registrations."""
    for index in range(size):
        meeting = held(plan, coordinator, component=component, title_en=f"Grown {index}",
                       starts_at=at(-20 - index, 10), ends_at=at(-20 - index, 12))
        services.record_attendance(meeting, actor=coordinator, rows=[
            {"name": f"P{index}-{n}", "organisation_name": f"Org {n}", "sector": "citizen",
             "gender": "woman" if n % 2 else "man"} for n in range(size)])
        services.record_idea(meeting, actor=coordinator,
                             answers={"title": f"Idea {index}", "overall_idea": "x"})
        coming = schedule(plan, coordinator, component=component,
                          starts_at=at(20 + index, 10), ends_at=at(20 + index, 12))
        services.register(coming, actor=make_user(f"r{index}@example.org", f"R{index}"))


# Signed in, a page also reads the session and the user; the coordinator's pages ask the
# roles (manage_meeting) too.
@pytest.mark.parametrize("page,who,queries", [
    ("meetings/", "anonymous", 2),  # plan, meetings with their counts
    ("meetings/", "coordinator", 5),
    ("meetings/participation/", "anonymous", 9),  # plan + the eight of plan_figures
    ("meetings/participation/", "coordinator", 11),
    ("calendar.ics", "anonymous", 3),  # plan, stages, public meetings
    ("calendar.ics", "coordinator", 3),  # the feed reads no session
])
def test_plan_pages_run_a_fixed_number_of_queries(client, client_for, plan, component,
                                                  coordinator, known, page, who, queries,
                                                  django_assert_num_queries):
    browser = client if who == "anonymous" else client_for(coordinator)
    url = f"/en/plans/{plan.slug}/{page}"
    with django_assert_num_queries(queries):
        small = browser.get(url).content
    grow(plan, coordinator, component, 8)
    with django_assert_num_queries(queries):
        large = browser.get(url).content
    assert len(large) > len(small)


@pytest.mark.parametrize("who,queries", [("anonymous", 5), ("citizen", 9),
                                         ("coordinator", 9)])
def test_meeting_page_runs_a_fixed_number_of_queries(request, client, client_for, plan,
                                                     component, coordinator, known, who,
                                                     queries, django_assert_num_queries):
    # meeting with counts, documents, ideas, the two figures; signed in: session, user,
    # own registration, and the person's roles in the plan behind manage_meeting (one query,
    # plans.rules.components_run_by).
    browser = client if who == "anonymous" else client_for(request.getfixturevalue(who))
    meeting = known["first"]
    url = meeting.get_absolute_url().replace("/sq/", "/en/")
    with django_assert_num_queries(queries):
        assert browser.get(url).status_code == 200
    services.record_attendance(meeting, actor=coordinator, rows=[
        {"name": f"Extra {n}", "organisation_name": f"Org {n}", "sector": "academia"}
        for n in range(60)])
    for n in range(8):
        services.record_idea(meeting, actor=coordinator,
                             answers={"title": f"More {n}", "overall_idea": "x"})
    with django_assert_num_queries(queries):
        page = browser.get(url).content.decode()
    assert "64 people took part" in page and "More 7" in page


def test_figures_run_eight_queries_whatever_the_size(plan, component, coordinator, known,
                                                     django_assert_num_queries):
    with django_assert_num_queries(8):
        participation.plan_figures(plan)
    grow(plan, coordinator, component, 10)
    with django_assert_num_queries(8):
        figures = participation.plan_figures(plan)
    assert figures.overall.total == 8 + 100 and figures.meetings_held == 13


def test_attendance_page_runs_a_fixed_number_of_queries(client_for, plan, coordinator, known,
                                                        django_assert_num_queries):
    meeting = known["first"]
    url = meeting.get_absolute_url().replace("/sq/", "/en/") + "attendance/"
    browser = client_for(coordinator)
    # session, user, meeting, the coordinator's role, people present with an account,
    # registrations with their people, attendance, organisations for the datalist
    with django_assert_num_queries(8):
        browser.get(url)
    services.record_attendance(meeting, actor=coordinator, rows=[
        {"name": f"Extra {n}", "organisation_name": f"Org {n}"} for n in range(40)])
    with django_assert_num_queries(8):
        assert "44 people recorded" in browser.get(url).content.decode()

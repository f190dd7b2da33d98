"""The stakeholder input summary on a data set whose every number is known, per plan and
per component, on the page (charts with their tables) and in the API; and the number of
queries, pinned at 10 and at 2,000 ideas."""

import datetime
import zoneinfo

import pytest

from bashke.assessment.models import DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.consultation.models import Channel, Comment, Idea, IdeaStatus, Support
from bashke.consultation.views.summary import build_summary

from personas import make_user

TIRANE = zoneinfo.ZoneInfo("Europe/Tirane")
WEEK_A = datetime.datetime(2024, 3, 4, 10, 0, tzinfo=TIRANE)  # a Monday
WEEK_C = WEEK_A + datetime.timedelta(days=15)  # two weeks on, a Tuesday


def idea(plan, title, *, at, component=None, author=None, channel=Channel.ONLINE, **fields):
    made = Idea.objects.create(plan=plan, title=title, overall_idea="…", component=component,
                               goal=component.goal if component else None, author=author,
                               channel=channel, **fields)
    Idea.objects.filter(pk=made.pk).update(submitted_at=at)  # auto_now_add set it to now
    made.refresh_from_db()
    return made


def supporters(target, count):
    for number in range(count):
        user = make_user(f"supporter{target.pk}-{number}@example.org", f"S{number}")
        Support.objects.create(idea=target, user=user)


@pytest.fixture
def other_component(plan):
    return plan.goals.get(number=1).components.get(slug="transparency")


@pytest.fixture
def known(plan, component, other_component, citizen, cso_member, coordinator,
          component_leader):
    """Four counted ideas, one withdrawn and one hidden; see each test for the numbers."""
    ideas = {
        "i1": idea(plan, "Legal aid online", at=WEEK_A, component=component, author=citizen,
                   improves_transparency=True, improves_participation=True),
        "i2": idea(plan, "Court fees published", at=WEEK_A + datetime.timedelta(hours=1),
                   component=component, author=cso_member, improves_transparency=True,
                   improves_accountability=True),
        "i3": idea(plan, "Open court data", at=WEEK_C, component=other_component,
                   channel=Channel.EMAIL, recorded_by=coordinator, submitter_name="Arta",
                   improves_technology=True, improves_transparency=False),
        "i4": idea(plan, "Something general", at=WEEK_C + datetime.timedelta(hours=2),
                   author=citizen),
    }
    idea(plan, "Withdrawn", at=WEEK_A, component=component, author=citizen,
         status=IdeaStatus.WITHDRAWN, improves_transparency=True)
    idea(plan, "Hidden spam", at=WEEK_A, component=component, author=citizen,
         hidden_at=WEEK_C, hidden_reason="Spam", improves_transparency=True)
    supporters(ideas["i2"], 3)
    supporters(ideas["i1"], 1)
    # i1 is answered by the coordinator; i2 only by a citizen; i3's answer from the
    # component leader was hidden; i4 has no comment at all.
    Comment.objects.create(idea=ideas["i1"], author=coordinator, body="Thank you.")
    Comment.objects.create(idea=ideas["i2"], author=citizen, body="I agree.")
    Comment.objects.create(idea=ideas["i3"], author=component_leader, body="Off-topic",
                           hidden_at=WEEK_C, hidden_reason="Posted by mistake")
    # Only a decision answers an idea (comments, even the coordinator's, do not): i1 has one.
    decide(ideas["i1"], actor=None, kind=DecisionKind.DEFERRED,
           response_en="Planned for the next plan.")
    return ideas


def counts(rows):
    return {row[0]: row[-1] for row in rows}


def test_the_plan_summary_counts_what_it_should(plan, component, other_component, known):
    summary = build_summary(plan)

    assert summary.total == 4
    assert counts(summary.by_component) == {component: 2, other_component: 1, None: 1}
    assert counts(summary.by_value) == {"transparency": 2, "participation": 1,
                                        "accountability": 1, "technology": 1}
    assert counts(summary.by_channel) == {"online": 3, "word": 0, "email": 1, "paper": 0,
                                          "meeting": 0, "api": 0}
    assert counts(summary.by_sector) == {"government": 0, "civil_society": 1,
                                         "private_sector": 0, "academia": 0,
                                         "international": 0, "citizen": 2, None: 1}
    assert summary.period == "week"
    assert summary.over_time == [(datetime.date(2024, 3, 4), 2),
                                 (datetime.date(2024, 3, 11), 0),
                                 (datetime.date(2024, 3, 18), 2)]
    assert [(i.title, i.support_count) for i in summary.top_supported] == [
        ("Court fees published", 3), ("Legal aid online", 1)]
    assert summary.open_count == 3
    assert [i.title for i in summary.open_questions] == [
        "Court fees published", "Open court data", "Something general"]


def test_a_component_summary_counts_only_its_ideas(plan, component, known):
    summary = build_summary(plan, component)

    assert summary.total == 2 and summary.by_component == []
    assert counts(summary.by_value)["transparency"] == 2
    assert counts(summary.by_sector)["citizen"] == 1
    assert counts(summary.by_sector)["civil_society"] == 1
    assert summary.over_time == [(datetime.date(2024, 3, 4), 2)]
    assert summary.open_count == 1


def test_a_long_consultation_is_counted_per_month(plan, citizen):
    idea(plan, "Early", at=datetime.datetime(2024, 1, 31, 23, 30, tzinfo=TIRANE),
         author=citizen)
    idea(plan, "Late", at=datetime.datetime(2024, 9, 1, 0, 30, tzinfo=TIRANE), author=citizen)
    summary = build_summary(plan)
    assert summary.period == "month"
    # Counted in the plan's time zone: half past eleven on 31 January is still January.
    assert summary.over_time[0] == (datetime.date(2024, 1, 1), 1)
    assert summary.over_time[-1] == (datetime.date(2024, 9, 1), 1)
    assert len(summary.over_time) == 9 and sum(n for _d, n in summary.over_time) == 2


def test_the_page_shows_each_chart_with_its_data_table(client, plan, known):
    response = client.get(f"/en/plans/{plan.slug}/input/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1>") == 1
    assert page.count('<figure class="chart-figure">') == 5
    assert page.count("The figures as a table") == 5
    for title in ("Ideas by component", "Ideas that would improve each OGP value",
                  "Ideas by the submitter&#x27;s sector", "Ideas by channel",
                  "Ideas per week"):
        assert title in page, title
    # The table beside the channel chart: online 3 of 4 (75 %), e-mail 1 (25 %).
    assert '<th scope="row">Online form</th><td>3</td><td>75</td>' in page
    assert '<th scope="row">E-mail</th><td>1</td><td>25</td>' in page
    assert '<th scope="row">Not known (recorded by staff)</th><td>1</td>' in page
    assert '<th scope="row">11 March 2024</th><td>0</td>' in page
    assert "Court fees published" in page and "3 supporters" in page
    assert "3 ideas still await a response" in page
    assert "Withdrawn" not in page and "Hidden spam" not in page


def test_the_component_page_and_unknown_components(client, plan, component, known):
    response = client.get(f"/en/plans/{plan.slug}/input/{component.slug}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Summary of the input: Accessibility to Justice" in page
    assert "Ideas by component" not in page and page.count("chart-figure") == 4
    assert client.get(f"/en/plans/{plan.slug}/input/no-such/").status_code == 404
    assert client.get("/en/plans/no-such-plan/input/").status_code == 404


def test_an_empty_plan_says_so(client, plan):
    page = client.get(f"/en/plans/{plan.slug}/input/").content.decode()
    assert "No ideas have been put forward here yet." in page
    assert "chart-figure" not in page


def test_the_api_gives_the_same_numbers(client, plan, component, known):
    body = client.get(f"/api/v1/plans/{plan.slug}/input-summary?lang=en").json()
    assert body["total"] == 4
    assert {row["key"]: row["count"] for row in body["by_component"]} == {
        "accessibility": 2, "transparency": 1, None: 1}
    assert {row["key"]: row["count"] for row in body["by_ogp_value"]}["transparency"] == 2
    assert {row["key"]: row["count"] for row in body["by_channel"]}["email"] == 1
    sectors = {row["key"]: (row["label"], row["count"]) for row in body["by_sector"]}
    assert sectors[None] == ("Not known (recorded by staff)", 1)
    assert sectors["citizen"] == ("Citizen", 2)
    assert body["period"] == "week"
    assert [row["count"] for row in body["over_time"]] == [2, 0, 2]
    assert body["over_time"][0]["start"] == "2024-03-04"
    assert [(i["title"], i["support_count"]) for i in body["most_supported"]] == [
        ("Court fees published", 3), ("Legal aid online", 1)]
    assert body["open_questions_count"] == 3
    assert body["open_questions"][0]["url"].startswith("http://testserver/en/plans/")

    one = client.get(f"/api/v1/plans/{plan.slug}/input-summary?component=accessibility")
    assert one.json()["total"] == 2 and one.json()["component"] == "accessibility"
    assert client.get(f"/api/v1/plans/{plan.slug}/input-summary?component=x").status_code == 404
    assert client.get("/api/v1/plans/nope/input-summary").status_code == 404


def many_ideas(plan, components, users, count):
    """``count`` ideas spread over components, channels, sectors and twelve weeks, made
    without save() (counts do not need the search text)."""
    channels = [Channel.ONLINE, Channel.EMAIL, Channel.PAPER, Channel.MEETING]
    made = Idea.objects.bulk_create([
        Idea(plan=plan, title=f"Idea {n}", overall_idea="…",
             component=components[n % len(components)], author=users[n % len(users)],
             channel=channels[n % len(channels)], improves_transparency=n % 2 == 0,
             improves_technology=n % 3 == 0)
        for n in range(count)])
    for week in range(12):
        Idea.objects.filter(pk__in=[i.pk for i in made[week::12]]).update(
            submitted_at=WEEK_A + datetime.timedelta(weeks=week))
    Support.objects.bulk_create([Support(idea=i, user=users[0]) for i in made[::7]])
    Comment.objects.bulk_create([Comment(idea=i, author=users[-1], body="…")
                                 for i in made[::5]])


@pytest.mark.parametrize("url", ["/en/plans/{slug}/input/",
                                 "/en/plans/{slug}/input/accessibility/",
                                 "/api/v1/plans/{slug}/input-summary"])
def test_the_summary_runs_a_fixed_number_of_queries_at_10_and_2000_ideas(
        client, plan, component, other_component, citizen, cso_member, coordinator, url,
        django_assert_max_num_queries):
    url = url.format(slug=plan.slug)
    users = [citizen, cso_member, None, coordinator]
    many_ideas(plan, [component, other_component], users, 10)
    with django_assert_max_num_queries(10) as small:
        assert client.get(url).status_code == 200
    many_ideas(plan, [component, other_component], users, 1990)
    assert Idea.objects.count() == 2000
    with django_assert_max_num_queries(10) as large:
        response = client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)
    if "api" in url:
        assert response.json()["total"] == 2000


def test_weeks_and_months_are_written_as_days_and_months_in_the_readers_language(
        client, plan, known, citizen):
    page = client.get(f"/sq/plans/{plan.slug}/input/").content.decode()
    # The data table names the whole day; the axis a short one; never "03-04".
    assert '<th scope="row">4 mars 2024</th><td>2</td>' in page
    assert ">4 mar</text>" in page and ">03-04</text>" not in page
    page = client.get(f"/en/plans/{plan.slug}/input/").content.decode()
    assert '<th scope="row">18 March 2024</th><td>2</td>' in page
    assert ">18 Mar</text>" in page


def test_months_under_a_long_consultation_read_as_months(client, plan, citizen):
    idea(plan, "Early", at=datetime.datetime(2024, 1, 31, 23, 30, tzinfo=TIRANE),
         author=citizen)
    idea(plan, "Late", at=datetime.datetime(2024, 9, 1, 0, 30, tzinfo=TIRANE), author=citizen)
    page = client.get(f"/sq/plans/{plan.slug}/input/").content.decode()
    assert '<th scope="row">janar 2024</th><td>1</td>' in page
    assert ">jan 24</text>" in page

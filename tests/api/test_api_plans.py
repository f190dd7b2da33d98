"""GET /api/v1/plans and /api/v1/plans/{slug}: contents, languages, filters, errors, and
the number of queries, pinned at two data sizes."""

import datetime

import pytest

from bashke.plans import services
from bashke.plans.models import Institution, Jurisdiction, StageKind

D = datetime.date


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def on_day(monkeypatch):
    """``on_day(date)``: the API sees that date as today (stage states derive from it)."""

    def set_day(day):
        monkeypatch.setattr("bashke.plans.cycle.today", lambda: day)

    return set_day


@pytest.fixture
def tirana(db):
    jurisdiction = services.create_jurisdiction(
        actor=None, slug="tirana", name_sq="Bashkia Tiranë", name_en="Municipality of Tirana",
        kind=Jurisdiction.Kind.LOCAL, country_code="AL")
    services.create_plan(actor=None, jurisdiction=jurisdiction, number=1, slug="tirana-2021-2023",
                         title_sq="Plani i Tiranës", title_en="Tirana plan",
                         start=D(2021, 1, 1), end=D(2022, 12, 31), status="approved")
    return jurisdiction


def grow(plan, size):
    """Add ``size`` goals of three components each (with leading and secretariat
    institutions) and co-creation stages with a responsible institution."""
    institutions = [services.create_institution(
        actor=None, name_sq=f"Institucioni {n}", name_en=f"Institution {n}", acronym=f"I{n}",
        kind=Institution.Kind.AGENCY) for n in range(size)]
    for n in range(size):
        goal = services.add_goal(plan, actor=None, number=10 + n, title_sq=f"Qëllimi {n}",
                                 title_en=f"Goal {n}")
        for position in range(3):
            services.add_component(goal, actor=None, slug=f"c{position}", position=position,
                                   title_sq=f"Komponenti {n}.{position}",
                                   title_en=f"Component {n}.{position}",
                                   leaders=institutions[:2], secretariat=institutions[n:n + 2])
    co_creation = [StageKind.MOBILISATION, StageKind.METHODOLOGY, StageKind.PRIORITISATION,
                   StageKind.DRAFTING, StageKind.CONSOLIDATION, StageKind.DRAFT_CONSULTATION]
    for n, kind in enumerate(co_creation[:size]):
        services.add_stage(plan, actor=None, kind=kind, start=D(2020, 3, 1 + n),
                           end=D(2020, 4, 1 + n), responsible=institutions[n])


# The list -----------------------------------------------------------------------------------

def test_list_gives_both_languages_and_the_jurisdiction(client, plan):
    data = get_json(client, "/api/v1/plans")
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["albania-2020-2022", "albania-2018-2020"]
    first = data["items"][0]
    assert first["number"] == 5
    assert first["title"] == "Plani i Veprimit 2020–2022"  # Albanian by default
    assert first["title_sq"] == "Plani i Veprimit 2020–2022"
    assert first["title_en"] == "Action Plan 2020–2022"
    assert first["jurisdiction"] == {"slug": "albania", "name": "Shqipëria",
                                     "name_sq": "Shqipëria", "name_en": "Albania",
                                     "kind": "national", "country_code": "AL"}
    assert (first["start"], first["end"]) == ("2020-07-01", "2022-06-30")
    assert first["status"] == "implementing"
    assert first["previous"] == "albania-2018-2020"
    assert data["items"][1]["previous"] is None
    assert data["items"][1]["next"] == "albania-2020-2022"


def test_list_in_english_by_parameter_or_header(client, plan):
    response = client.get("/api/v1/plans?lang=en")
    assert response.json()["items"][0]["title"] == "Action Plan 2020–2022"
    assert response["Content-Language"] == "en"
    assert client.get("/api/v1/plans")["Content-Language"] == "sq"
    by_header = get_json(client, "/api/v1/plans", HTTP_ACCEPT_LANGUAGE="en")
    assert by_header["items"][0]["title"] == "Action Plan 2020–2022"
    assert by_header["items"][0]["jurisdiction"]["name"] == "Albania"
    # The parameter wins over the header.
    overridden = client.get("/api/v1/plans?lang=sq", HTTP_ACCEPT_LANGUAGE="en")
    assert overridden.json()["items"][0]["title"] == "Plani i Veprimit 2020–2022"
    assert overridden["Content-Language"] == "sq"
    # A language we hold no content in falls back to Albanian.
    german = get_json(client, "/api/v1/plans", HTTP_ACCEPT_LANGUAGE="de")
    assert german["items"][0]["title"] == "Plani i Veprimit 2020–2022"


def test_list_names_the_stage_under_way_today(client, plan, on_day):
    on_day(D(2020, 5, 10))
    item = get_json(client, "/api/v1/plans?lang=en")["items"][0]
    assert item["current_stage"]["kind"] == "approval"
    assert item["current_stage"]["title"] == "Approval"
    assert item["next_stage"]["kind"] == "implementation"
    on_day(D(2030, 1, 1))
    item = get_json(client, "/api/v1/plans")["items"][0]
    assert item["current_stage"] is None and item["next_stage"] is None


def test_list_filters_by_jurisdiction_and_status(client, plan, tirana):
    assert get_json(client, "/api/v1/plans")["count"] == 3
    local = get_json(client, "/api/v1/plans?jurisdiction=tirana")
    assert [item["slug"] for item in local["items"]] == ["tirana-2021-2023"]
    assert local["items"][0]["jurisdiction"]["kind"] == "local"
    completed = get_json(client, "/api/v1/plans?status=completed")
    assert [item["slug"] for item in completed["items"]] == ["albania-2018-2020"]
    both = get_json(client, "/api/v1/plans?jurisdiction=albania&status=implementing")
    assert [item["slug"] for item in both["items"]] == ["albania-2020-2022"]
    assert get_json(client, "/api/v1/plans?jurisdiction=tirana&status=completed") == {
        "count": 0, "limit": 50, "offset": 0, "items": []}


def test_list_pages_with_limit_and_offset(client, plan, tirana):
    everything = [item["slug"] for item in get_json(client, "/api/v1/plans")["items"]]
    pages = [get_json(client, f"/api/v1/plans?limit=2&offset={offset}")
             for offset in (0, 2, 4)]
    assert [page["count"] for page in pages] == [3, 3, 3]
    assert [len(page["items"]) for page in pages] == [2, 1, 0]
    assert [item["slug"] for page in pages for item in page["items"]] == everything


@pytest.mark.parametrize(("query", "field", "message"), [
    ("lang=de", "lang", "Input should be 'sq' or 'en'"),
    ("status=finished", "status", "'drafting', 'consultation'"),
    ("limit=101", "limit", "less than or equal to 100"),
    ("limit=0", "limit", "greater than or equal to 1"),
    ("offset=-1", "offset", "greater than or equal to 0"),
    ("jurisdiction=atlantis", "jurisdiction", "No jurisdiction has the slug 'atlantis'"),
])
def test_list_refuses_bad_parameters_with_the_reason(client, plan, query, field, message):
    errors = get_json(client, f"/api/v1/plans?{query}", status=422)["detail"]
    assert [error["loc"] for error in errors] == [["query", field]]
    assert message in errors[0]["msg"]


def test_list_runs_three_queries_whatever_the_size(client, plan, tirana,
                                                  django_assert_num_queries):
    # count, the page of plans with their jurisdictions, the stages of those plans
    with django_assert_num_queries(3):
        small = get_json(client, "/api/v1/plans")
    grow(plan, 4)
    for number, year in ((2, 2023), (3, 2025)):
        services.create_plan(actor=None, jurisdiction=tirana, number=number,
                             slug=f"tirana-{year}", title_sq=f"Tirana {year}",
                             title_en=f"Tirana {year}", start=D(year, 1, 1),
                             end=D(year + 1, 12, 31))
    with django_assert_num_queries(3):
        large = get_json(client, "/api/v1/plans?jurisdiction=tirana&status=drafting")
    assert (small["count"], large["count"]) == (3, 2)


# One plan -----------------------------------------------------------------------------------

def test_detail_lists_goals_components_and_institutions(client, plan):
    response = client.get(f"/api/v1/plans/{plan.slug}?lang=en")
    assert response["Content-Language"] == "en"
    data = response.json()
    assert data["title"] == "Action Plan 2020–2022"
    assert data["title_sq"] == "Plani i Veprimit 2020–2022"
    [goal] = data["goals"]
    assert (goal["number"], goal["numeral"], goal["title"], goal["title_sq"]) == (
        1, "I", "Access to Justice", "Aksesi në drejtësi")
    assert [c["slug"] for c in goal["components"]] == ["accessibility", "transparency"]
    transparency = goal["components"][1]
    assert transparency["title_en"] == "Transparency & Accountability"
    assert transparency["title_sq"] == "Transparenca dhe llogaridhënia"
    [leader] = transparency["leaders"]
    assert {key: leader[key] for key in ("name_sq", "name_en", "acronym", "kind")} == {
        "name_sq": "Ministria e Drejtësisë", "name_en": "Ministry of Justice",
        "acronym": "MD", "kind": "ministry"}
    assert [i["acronym"] for i in transparency["secretariat"]] == ["AKSHI"]
    assert goal["components"][0]["secretariat"] == []


def test_detail_in_albanian_by_default(client, plan):
    data = get_json(client, f"/api/v1/plans/{plan.slug}")
    assert data["title"] == "Plani i Veprimit 2020–2022"
    assert data["goals"][0]["title"] == "Aksesi në drejtësi"
    assert data["goals"][0]["components"][1]["secretariat"][0]["name"] == \
        "Agjencia Kombëtare e Shoqërisë së Informacionit"


def test_detail_stages_are_past_current_or_upcoming_as_of_today(client, plan, ministry, on_day):
    services.update_stage(plan.stages.get(kind=StageKind.IMPLEMENTATION), actor=None,
                          title_sq="Zbatimi")
    stage = plan.stages.get(kind=StageKind.APPROVAL)
    services.update_stage(stage, actor=None, title_sq="Miratimi në Këshillin e Ministrave",
                          title_en="Approval by the Council of Ministers",
                          description_en="Decision of the Council.", responsible=ministry)
    on_day(D(2020, 5, 10))
    data = get_json(client, f"/api/v1/plans/{plan.slug}?lang=en")
    assert data["today"] == "2020-05-10"
    assert [(s["kind"], s["state"]) for s in data["stages"]] == [
        ("online_consultation", "past"), ("approval", "current"),
        ("implementation", "upcoming")]
    approval = data["stages"][1]
    assert approval["title"] == "Approval by the Council of Ministers"
    assert approval["title_sq"] == "Miratimi në Këshillin e Ministrave"
    assert approval["kind_label"] == "Approval"
    assert approval["description_en"] == "Decision of the Council."
    assert (approval["start"], approval["end"]) == ("2020-05-01", "2020-06-15")
    assert approval["responsible"]["acronym"] == "MD"
    assert data["stages"][0]["responsible"] is None
    # A stage without a title of its own is called by its kind; one titled in Albanian
    # only is called by that title in English too.
    assert data["stages"][0]["title"] == "Online consultation"
    assert (data["stages"][2]["title"], data["stages"][2]["title_en"]) == ("Zbatimi", "")
    assert data["current_stage"]["kind"] == "approval"
    on_day(D(2023, 1, 1))
    data = get_json(client, f"/api/v1/plans/{plan.slug}")
    assert {s["state"] for s in data["stages"]} == {"past"}


def test_detail_gives_drafting_window_gap_and_warnings(client, plan, on_day):
    data = get_json(client, f"/api/v1/plans/{plan.slug}")
    assert data["drafting_window"] == {"start": "2022-01-01", "end": "2022-06-30"}
    assert data["gap_days"] == 0
    # The fixture's consultation (Jan–Feb 2020) lies inside the previous plan's last six
    # months, and implementation runs 24 months: nothing to warn about.
    assert data["warnings"] == []

    late = services.create_plan(
        actor=None, jurisdiction=plan.jurisdiction, number=6, slug="albania-2022-2024",
        title_sq="Plani 2022–2024", title_en="Plan 2022–2024", start=D(2022, 9, 1),
        end=D(2024, 8, 31), previous=plan, gap_reason="Elections.")
    services.add_stage(late, actor=None, kind=StageKind.IMPLEMENTATION, start=D(2022, 9, 1),
                       end=D(2023, 8, 31))
    data = get_json(client, f"/api/v1/plans/{late.slug}?lang=en")
    assert data["gap_days"] == 62
    assert data["previous"] == plan.slug
    warnings = {w["code"]: w for w in data["warnings"]}
    assert set(warnings) == {"gap", "short_implementation"}
    assert warnings["gap"]["breach"] is True
    assert "62 days" in warnings["gap"]["message"]
    assert "Elections." in warnings["gap"]["message"]
    assert warnings["short_implementation"]["breach"] is False
    assert get_json(client, f"/api/v1/plans/{plan.slug}")["next"] == late.slug


def test_detail_of_a_plan_without_a_predecessor(client, previous_plan):
    data = get_json(client, f"/api/v1/plans/{previous_plan.slug}")
    assert data["previous"] is None
    assert data["gap_days"] is None
    assert data["goals"] == [] and data["stages"] == []


def test_unknown_plan_is_a_json_404(client, plan):
    data = get_json(client, "/api/v1/plans/albania-1999-2001", status=404)
    assert data == {"detail": "No action plan has the slug 'albania-1999-2001'."}


def test_detail_refuses_an_unknown_language(client, plan):
    errors = get_json(client, f"/api/v1/plans/{plan.slug}?lang=fr", status=422)["detail"]
    assert errors[0]["loc"] == ["query", "lang"]


def test_detail_runs_six_queries_whatever_the_size(client, plan, django_assert_num_queries):
    # the plan with jurisdiction, previous and next; goals; components; leaders;
    # secretariat; stages with their responsible institutions
    with django_assert_num_queries(6):
        small = get_json(client, f"/api/v1/plans/{plan.slug}")
    grow(plan, 5)
    with django_assert_num_queries(6):
        large = get_json(client, f"/api/v1/plans/{plan.slug}")
    assert (len(small["goals"]), len(small["stages"])) == (1, 3)
    assert (len(large["goals"]), len(large["stages"])) == (6, 8)
    assert sum(len(goal["components"]) for goal in large["goals"]) == 17
    assert sum(1 for stage in large["stages"] if stage["responsible"]) == 5

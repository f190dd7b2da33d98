"""The examples library: the seed's examples as demo data, the public list filtered by
theme and country, each example's page, staff writing examples, and the API."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from bashke.consultation.demos import briefs as demo
from bashke.consultation.demos.briefs_examples import EXAMPLES
from bashke.consultation.models import Example, ExampleTheme
from bashke.consultation.services import briefs as services
from bashke.core.models import AuditEntry

# The seed's list, as the issue names it: (country, period, theme).
SEED = {
    ("Mexico", "2019–2021", "digital"), ("Colombia", "2015–2017", "digital"),
    ("Georgia", "2016–2018", "digital"), ("France", "2018–2020", "digital"),
    ("Croatia", "2014–2016", "administration"),
    ("United Kingdom", "2013–2015", "administration"),
    ("Latvia", "2017–2019", "administration"), ("Australia", "2018–2020", "administration"),
    ("Denmark", "2017", "administration"), ("Chile", "2018", "administration"),
    ("Indonesia", "2018", "administration"),
    ("Latvia", "2015–2017", "law_making"), ("Uruguay", "2016–2018", "law_making"),
    ("Ireland", "2014–2016", "law_making"), ("Chile", "2014–2016", "law_making"),
    ("Canada", "2018", "law_making"), ("Italy", "2016–2018", "law_making"),
}


@pytest.fixture
def examples(db):
    demo._examples()
    return Example.objects.all()


def test_the_demo_holds_exactly_the_seeds_examples_and_loads_once(examples):
    assert {(e.country_en, e.period, e.theme) for e in examples} == SEED
    assert examples.count() == len(SEED) == 17
    jalisco = examples.get(slug="jalisco-2019-2021")
    assert (jalisco.where_en, jalisco.start_year, jalisco.end_year) == (
        "Jalisco, Mexico", 2019, 2021)
    denmark = examples.get(slug="denmark-2017")
    assert (denmark.start_year, denmark.end_year) == (2017, 2017)
    for example in examples:
        assert example.title_sq and example.title_en and example.summary_sq
        assert example.summary_en and example.published
        assert example.source_url.startswith("https://www.opengovpartnership.org/members/")
    demo._examples()
    assert Example.objects.count() == 17
    assert AuditEntry.objects.filter(object_type="consultation.example").count() == 17


def test_demo_load_creates_briefs_for_both_plans_once(db, settings, tmp_path):
    from bashke.plans import demo as plans_demo

    settings.MEDIA_ROOT = tmp_path
    plans_demo.load(io.StringIO())
    demo.load(io.StringIO())
    from bashke.consultation.models import Brief, BriefDocument

    counts = (Brief.objects.count(), BriefDocument.objects.count(), Example.objects.count())
    demo.load(io.StringIO())
    assert (Brief.objects.count(), BriefDocument.objects.count(),
            Example.objects.count()) == counts
    for slug_start in ("shkoder", "albania-2020-2022"):
        briefs = Brief.objects.filter(plan__slug__startswith=slug_start, published=True)
        assert {b.kind for b in briefs} == {"background", "criteria", "methodology"}
        package = briefs.get(kind="methodology")
        # Sent to every component's leaders, during the methodology stage.
        assert package.sent_to.count() == (8 if slug_start.startswith("albania") else 6)
        assert package.sent_at is not None
        assert package.documents.get().kind == "pdf"
        assert briefs.get(kind="criteria").documents.get().kind == "docx"


def test_the_list_filters_by_theme_and_country(client, examples):
    page = client.get("/en/examples/?theme=law_making").content.decode()
    assert "6 examples" in page
    assert "Online signatures to initiate a referendum" in page
    assert "Transparency of public algorithms" not in page

    page = client.get("/en/examples/?country=cl").content.decode()  # either case
    assert "2 examples" in page
    assert "Implementing and monitoring the Lobbying Law" in page
    assert "Responsible data stewardship" in page

    page = client.get("/en/examples/?theme=administration&country=LV").content.decode()
    assert "1 example" in page and "Awareness of and processes" in page


def test_the_filter_offers_only_countries_with_examples_named_in_the_language(client,
                                                                             examples):
    response = client.get("/sq/examples/")
    choices = dict(response.context["filter_form"].fields["country"].choices)
    assert choices["FR"] == "Franca" and choices["GB"] == "Mbretëria e Bashkuar"
    assert "AL" not in choices and len(choices) == 15 + 1


def test_a_wrong_filter_is_said_beside_it_and_left_out(client, examples):
    response = client.get("/en/examples/?theme=gardening&country=ZZ")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Select a valid choice") == 2
    # Each message is tied to its field for screen readers.
    assert 'aria-describedby="id_theme_error"' in page and 'id="id_theme_error"' in page
    assert 'aria-describedby="id_country_error"' in page
    assert "17 examples" in page


def test_pages_keep_the_filters(client, examples, monkeypatch):
    monkeypatch.setattr("bashke.consultation.views.briefs.EXAMPLES_PER_PAGE", 4)
    page = client.get("/en/examples/?theme=administration").content.decode()
    assert "7 examples" in page and "Page 1 of 2" in page
    assert 'href="?theme=administration&amp;page=2"' in page
    second = client.get("/en/examples/?theme=administration&page=2").content.decode()
    assert "Page 2 of 2" in second


def test_the_example_page(client, examples):
    page = client.get("/en/examples/france-2018-2020/").content.decode()
    assert "<h1 lang=\"en\">Transparency of public algorithms and source code</h1>" in page
    assert "France" in page and "2018–2020" in page
    assert "Digital public participation and deliberation" in page
    assert 'href="https://www.opengovpartnership.org/members/france/"' in page
    sq = client.get("/sq/examples/france-2018-2020/").content.decode()
    assert "Transparenca e algoritmeve" in sq
    assert client.get("/en/examples/no-such-example/").status_code == 404


def test_an_unpublished_example_is_seen_only_by_those_who_keep_them(client, client_for,
                                                                    coordinator, examples):
    example = examples.get(slug="italy-2016-2018")
    services.update_example(example, actor=None, published=False)
    assert client.get("/en/examples/italy-2016-2018/").status_code == 404
    assert "16 examples" in client.get("/en/examples/").content.decode()
    assert client_for(coordinator).get("/en/examples/italy-2016-2018/").status_code == 200


def test_staff_add_an_example_through_the_page(client_for, staff, db):
    data = {"theme": "digital", "country_code": "ee", "country_sq": "Estonia",
            "country_en": "Estonia", "place_sq": "", "place_en": "", "period": "2020–2022",
            "start_year": "2020", "end_year": "2022", "title_sq": "Titulli",
            "title_en": "Title", "summary_sq": "Përmbledhje", "summary_en": "Summary",
            "source_url": "https://www.opengovpartnership.org/members/estonia/",
            "slug": "estonia-2020-2022", "published": "on"}
    response = client_for(staff).post("/en/examples/new/", data)
    example = Example.objects.get()
    assert response.status_code == 302 and response["Location"] == example.get_absolute_url()
    assert example.country_code == "EE"

    data.update(end_year="2019", title_en="A title I typed")
    response = client_for(staff).post(f"/en/examples/{example.slug}/edit/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The last year cannot come before the first." in page
    assert 'value="A title I typed"' in page
    assert Example.objects.get().end_year == 2022


def test_a_service_refuses_years_in_the_wrong_order(db):
    with pytest.raises(ValidationError) as caught:
        services.create_example(actor=None, slug="x", country_code="FR", country_sq="Franca",
                                country_en="France", period="2020", start_year=2021,
                                end_year=2020, title_sq="T", title_en="T", summary_sq="S",
                                summary_en="S", theme=ExampleTheme.DIGITAL,
                                source_url="https://example.org/")
    assert "end_year" in caught.value.message_dict


@pytest.mark.parametrize("url", ["/en/examples/", "/en/examples/?theme=digital&country=FR",
                                 "/en/examples/?page=2"])
def test_the_list_runs_a_fixed_number_of_queries(client, examples, url,
                                                 django_assert_max_num_queries):
    with django_assert_max_num_queries(4) as small:
        client.get(url)
    for number in range(60):
        row = dict(EXAMPLES[number % len(EXAMPLES)], slug=f"more-{number}")
        services.create_example(actor=None, **row)
    with django_assert_max_num_queries(4) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_api_lists_examples_with_filters(client, examples, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        body = client.get("/api/v1/examples?theme=law_making&country=lv&lang=sq").json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["slug"] == "latvia-2015-2017" and item["country"] == "Letonia"
    assert item["title"] == item["title_sq"] and item["title_en"].startswith("Online signat")
    assert item["url"].endswith("/sq/examples/latvia-2015-2017/")
    assert (item["start_year"], item["end_year"], item["period"]) == (2015, 2017, "2015–2017")

    english = client.get("/api/v1/examples?theme=law_making&country=LV&lang=en").json()
    assert english["items"][0]["theme_label"] == "Public participation in law-making"
    assert english["items"][0]["country"] == "Latvia"

    everything = client.get("/api/v1/examples?limit=5&offset=15").json()
    assert everything["count"] == 17 and len(everything["items"]) == 2
    assert client.get("/api/v1/examples?theme=gardening").status_code == 422
    assert client.get("/api/v1/examples?country=FRA").status_code == 422


def test_the_address_of_the_add_page_cannot_be_an_examples_name(db):
    row = dict(EXAMPLES[0], slug="new")
    with pytest.raises(ValidationError) as caught:
        services.create_example(actor=None, **row)
    assert "slug" in caught.value.message_dict


@pytest.mark.parametrize(("language", "law_making_countries"), [
    ("en", ["Canada", "Chile", "Ireland", "Italy", "Latvia", "Uruguay"]),
    ("sq", ["Irlanda", "Italia", "Kanadaja", "Kili", "Letonia", "Uruguai"]),
])
def test_the_library_is_grouped_by_theme_then_country_in_the_readers_language(
        client, examples, language, law_making_countries):
    import re

    page = client.get(f"/{language}/examples/").content.decode()
    themes = re.findall(r"<h2>([^<]+)</h2>", page)
    with translation.override(language):
        assert themes == [str(label) for label in ExampleTheme.labels]
    law_making = page.split(f"<h2>{themes[2]}</h2>")[1]
    countries = re.findall(r'<p class="muted">([^<·]+?) ·', law_making)
    assert countries == law_making_countries


def test_members_with_the_same_commitment_share_one_card(client, examples):
    page = client.get("/en/examples/?theme=administration").content.decode()
    assert page.count("Responsible data stewardship in the public sector") == 1
    card = page.split("Responsible data stewardship in the public sector", 1)[1].split("</li>")[0]
    for member in ("Chile · 2018", "Denmark · 2017", "Indonesia · 2018"):
        assert member in card, member
    # Each member keeps its own page, linked from the card.
    assert 'href="/en/examples/denmark-2017/"' in card
    assert 'href="/en/examples/indonesia-2018/"' in card
    # Filtering by one of the countries still finds it.
    chile = client.get("/en/examples/?country=CL").content.decode()
    assert "Responsible data stewardship" in chile and "Lobbying Law" in chile

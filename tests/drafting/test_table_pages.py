"""The table's public pages: the seed's columns and totals, amounts in the reader's
language, edit links only for those who draft, and a fixed number of queries."""

import pytest
from django.urls import reverse
from table_helpers import build_table

from bashke.drafting import tree
from bashke.drafting.models import Activity

pytestmark = pytest.mark.django_db


def _url(plan, name="drafting:table", **kwargs):
    return reverse(name, kwargs={"slug": plan.slug, **kwargs})


def test_the_table_shows_the_seeds_columns_numbers_and_totals(client, plan, component, agency):
    build_table(component, objectives=1, measures=2, activities=2, institution=agency)
    page = client.get(_url(plan)).content.decode()
    for heading in ("No.", "Responsible institutions", "Other responsible institutions",
                    "Indicative cost (thousand lek)", "State budget", "Foreign financing",
                    "Financing gap", "Total of the plan"):
        assert heading in page
    assert "1.2.2" in page and "AKSHI" in page
    # 4 activities × 1,000.50: the plan total, English style.
    assert "4,002.00" in page
    # Nobody signed in: no edit links, no warnings beside the rows.
    assert "Edit" not in page and "smart-list" not in page


def test_albanian_amounts_take_a_decimal_comma(client, plan, component):
    build_table(component, activities=1)
    page = client.get(_url(plan).replace("/en/", "/sq/")).content.decode()
    assert "1.000,50" in page and "500,25" in page


def test_those_who_draft_see_edit_links_and_warnings(client_for, plan, component,
                                                     component_leader):
    build_table(component, activities=1)
    Activity.objects.update(indicator_en="", responsible=None)
    page = client_for(component_leader).get(_url(plan)).content.decode()
    assert reverse("drafting:activity_edit", kwargs={
        "slug": plan.slug, "pk": Activity.objects.get().pk}) in page
    assert "Not measurable" in page and "Not answerable" in page


def test_the_measure_page_shows_the_template_fields_and_activities(client, plan, component):
    objective, = build_table(component, activities=2)
    measure = objective.measures.get()
    measure.problem_en = "Citizens queue for hours."
    measure.save()
    page = client.get(_url(plan, "drafting:measure", pk=measure.pk)).content.decode()
    assert "Measure 1.1" in page and "Citizens queue for hours." in page
    assert "1.1.2" in page and "Not answerable" in page  # no lead institution


def test_a_measure_of_another_plan_is_not_found(client, plan, component, previous_plan):
    objective, = build_table(component, activities=0)
    response = client.get(_url(previous_plan, "drafting:measure",
                               pk=objective.measures.get().pk))
    assert response.status_code == 404


def test_the_smart_report_lists_every_warning(client, plan, component):
    build_table(component, activities=1)
    Activity.objects.update(start=None)
    page = client.get(_url(plan, "drafting:smart_report")).content.decode()
    assert "Not time-bound" in page and "It has no start or no end date." in page


@pytest.mark.parametrize(("name", "queries"), [("drafting:table", 15),
                                               ("drafting:smart_report", 11)])
def test_pages_take_the_same_queries_at_any_size(client_for, plan, component,
                                                 component_leader, agency, name, queries,
                                                 django_assert_num_queries):
    client = client_for(component_leader)
    build_table(component, objectives=1, measures=1, activities=1, institution=agency)
    client.get(_url(plan, name))  # sessions and caches warmed
    with django_assert_num_queries(queries) as small:
        assert client.get(_url(plan, name)).status_code == 200
    build_table(component, objectives=3, measures=3, activities=4, institution=agency)
    assert len(tree.build(plan).activities()) == 37
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(_url(plan, name)).status_code == 200


def test_the_measure_page_takes_the_same_queries_at_any_size(client, plan, component, agency,
                                                             django_assert_num_queries):
    objective, = build_table(component, activities=1, institution=agency)
    url = _url(plan, "drafting:measure", pk=objective.measures.get().pk)
    with django_assert_num_queries(10) as small:
        client.get(url)
    build_table(component, objectives=2, measures=3, activities=5, institution=agency)
    from bashke.drafting.services import activities
    for _ in range(5):
        activities.create_activity(objective.measures.get(), actor=None,
                                   title_en="Another activity", responsible=agency)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)

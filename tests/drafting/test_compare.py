"""Comparing two tables: rows added, removed and changed, each changed field with its old and
new value — numbers moved by a move, money, dates, institutions and texts — in table order;
and the same values written as the reader's language does."""

import copy
import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from versions_helpers import make_table

from bashke.drafting import compare, tree
from bashke.drafting.models import Activity, Measure


@pytest.fixture
def first(plan, agency):
    make_table(plan, measures=2, activities=2, institution=agency)
    return tree.build(plan)


def test_the_same_table_has_no_differences(first):
    result = compare.compare(first, tree.from_json(tree.to_json(first)))
    assert result.differences == [] and result.totals == []
    assert {row.status for row in result.rows} == {compare.SAME}
    assert len(result.rows) == len(list(first.rows()))


@pytest.mark.django_db
def test_added_removed_and_changed_rows_with_each_field(plan, first, ministry):
    measure_one = Measure.objects.order_by("pk").first()
    first_activity, second_activity = Activity.objects.filter(
        measure=measure_one).order_by("position")
    # The first activity is removed; so the second becomes 1.1.1.
    removed_key = f"activity:{first_activity.pk}"
    first_activity.delete()
    second_activity.cost = Decimal("120")
    second_activity.end = datetime.date(2021, 12, 31)
    second_activity.responsible = ministry
    second_activity.title_en = "A clearer title"
    second_activity.save()
    added = Activity.objects.create(measure=measure_one, position=9, title_en="New one")
    second = tree.build(plan)
    result = compare.compare(first, second)
    statuses = [(row.key, row.status) for row in result.rows]
    changed_key = f"activity:{second_activity.pk}"
    # The removed row keeps its place: right after the measure it belonged to.
    keys = [key for key, _status in statuses]
    assert keys.index(removed_key) == keys.index(f"measure:{measure_one.pk}") + 1
    assert dict(statuses)[removed_key] == compare.REMOVED
    assert dict(statuses)[f"activity:{added.pk}"] == compare.ADDED
    changed = next(row for row in result.rows if row.key == changed_key)
    fields = {c.field: (c.old, c.new) for c in changed.changes}
    assert fields["number"] == ("1.1.2", "1.1.1")
    assert fields["cost"] == (Decimal("100.00"), Decimal("120"))
    assert fields["gap"] == (Decimal("50.00"), Decimal("70.00"))
    assert fields["end"][1] == datetime.date(2021, 12, 31)
    assert fields["responsible"][1].id == ministry.pk
    assert fields["title_en"] == ("Activity 1.1.2", "A clearer title")
    assert "state_budget" not in fields
    assert (result.added, result.removed, result.changed) == (1, 1, 1)
    assert {c.field for c in result.totals} == {"cost", "state_budget",
                                               "foreign_financing", "gap"}


def test_an_institution_with_a_new_name_is_the_same_institution(first):
    second = copy.deepcopy(first)
    second.activities()[0].responsible.name_en = "Renamed agency"
    assert compare.compare(first, second).differences == []


def test_measure_texts_are_compared(first):
    second = copy.deepcopy(first)
    second.measures()[0].texts["problem_sq"] = "Problemi"
    row = compare.compare(first, second).differences[0]
    assert row.kind == "measure" and row.changes[0].field == "problem_sq"
    assert row.changes[0].old == "" and row.changes[0].new == "Problemi"


@pytest.mark.parametrize("language, expected", [("sq", "1.250,5"), ("en", "1,250.5")])
def test_values_are_written_as_the_reader_writes_them(language, expected):
    with translation.override(language):
        assert compare.written(Decimal("1250.50")) == expected
        assert compare.written(None) == "—" and compare.written([]) == "—"
        assert compare.label("cost")
        ref = tree.InstitutionRef(1, "Agjencia", "Agency", "AKSHI")
        assert compare.written([ref, ref]) == "AKSHI, AKSHI"
    with translation.override("en"):
        assert compare.written(datetime.date(2020, 1, 1)) == "1 January 2020"

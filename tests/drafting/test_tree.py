"""The table as plain data: numbers from order, money rolled up, a snapshot read back as it
was written, and a fixed number of queries whatever the size."""

import datetime
from decimal import Decimal

import pytest

from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, Objective


def _table(component, objectives=2, measures=2, activities=3):
    for o in range(objectives):
        objective = Objective.objects.create(component=component, position=o + 1,
                                             title_sq=f"Objektivi {o}", title_en=f"Objective {o}")
        for m in range(measures):
            measure = Measure.objects.create(objective=objective, position=m + 1,
                                             title_en=f"Measure {o}.{m}", problem_en="Slow")
            for a in range(activities):
                Activity.objects.create(
                    measure=measure, position=a + 1, title_en=f"Activity {o}.{m}.{a}",
                    start=datetime.date(2027, 1, 1), end=datetime.date(2027, 6, 30),
                    cost=Decimal("100.50"), state_budget=Decimal("40"),
                    foreign_financing=Decimal("10.25"))


@pytest.mark.django_db
def test_numbers_follow_order_and_money_rolls_up(plan, component):
    _table(component)
    table = tree.build(plan)
    measures = table.measures()
    assert [m.number for m in measures] == ["1.1", "1.2", "2.1", "2.2"]
    assert [a.number for a in measures[0].activities] == ["1.1.1", "1.1.2", "1.1.3"]
    assert measures[0].activities[0].gap == Decimal("50.25")
    assert measures[0].totals.cost == Decimal("301.50")
    assert table.totals.gap == Decimal("50.25") * 12
    assert table.totals.cost == table.totals.state_budget + table.totals.foreign_financing \
        + table.totals.gap
    # Moving the first activity last renumbers the others.
    first = Activity.objects.get(title_en="Activity 0.0.0")
    first.position = 9
    first.save()
    again = tree.build(plan).measures()[0].activities
    assert [a.title_en for a in again] == ["Activity 0.0.1", "Activity 0.0.2", "Activity 0.0.0"]
    assert again[2].number == "1.1.3"


@pytest.mark.django_db
def test_an_unknown_cost_leaves_the_gap_unknown_and_out_of_the_totals(plan, component):
    _table(component, 1, 1, 1)
    Activity.objects.update(cost=None)
    table = tree.build(plan)
    assert table.activities()[0].gap is None
    assert table.totals.gap == 0 and table.totals.state_budget == Decimal("40")


@pytest.mark.django_db
def test_a_snapshot_reads_back_as_it_was_written(plan, component):
    _table(component)
    table = tree.build(plan)
    data = tree.to_json(table)
    import json

    back = tree.from_json(json.loads(json.dumps(data)))
    assert back == table
    assert back.measures()[1].problem_en == "Slow"


@pytest.mark.django_db
def test_reading_takes_the_same_queries_at_any_size(plan, component,
                                                     django_assert_num_queries):
    _table(component, 1, 1, 1)
    with django_assert_num_queries(8) as small:
        tree.build(plan)
    _table(component, 3, 4, 5)
    with django_assert_num_queries(len(small.captured_queries)):
        tree.build(plan)

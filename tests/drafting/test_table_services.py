"""Drafting the table through the services: numbers from order, the refusals with a message
on the field, moving, deleting, who may, and two people saving the same item."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from table_helpers import activity_fields, build_table, meeting

from bashke.core.models import AuditEntry
from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, Objective, PlanVersion, VersionStatus
from bashke.drafting.services import activities as activity_services
from bashke.drafting.services import table as services
from bashke.drafting.services.table import Conflict

pytestmark = pytest.mark.django_db


def _errors(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_items_are_numbered_from_their_order_and_audited(plan, component, coordinator,
                                                         agency):
    objective, = build_table(component, actor=coordinator, institution=agency)
    table = tree.build(plan)
    assert [o.number for o in table.objectives()] == ["1"]
    assert [a.number for a in table.activities()] == ["1.1.1", "1.1.2"]
    assert table.activities()[0].gap == Decimal("500.25")
    assert table.totals.cost == Decimal("2001.00")
    entries = AuditEntry.objects.filter(scope=plan.audit_scope,
                                        object_type="drafting.activity")
    assert entries.count() == 2
    assert entries.first().changes["title_en"][1].startswith("Establishing site")


@pytest.mark.parametrize(("overrides", "field", "words"), [
    ({"cost": Decimal("-1")}, "cost", "cannot be negative"),
    ({"state_budget": Decimal("-0.01")}, "state_budget", "cannot be negative"),
    ({"cost": Decimal("10.555")}, "cost", "at most two decimals"),
    ({"cost": Decimal("1000000000")}, "cost", "more than 100 billion lek"),
    ({"state_budget": Decimal("900"), "foreign_financing": Decimal("200")},
     "foreign_financing", "more than the indicative cost"),
    ({"cost": None}, "cost", "Give the indicative cost"),
    ({"start": datetime.date(2020, 1, 1)}, "start", "The plan runs from 1 July 2020"),
    ({"end": datetime.date(2022, 12, 31)}, "end", "the end must fall within it"),
    ({"start": datetime.date(2021, 5, 1), "end": datetime.date(2021, 4, 30)}, "end",
     "comes before the start"),
    ({"title_sq": "", "title_en": " "}, "title_sq", "at least one language"),
])
def test_bad_amounts_and_dates_are_refused_on_their_field(plan, component, overrides, field,
                                                          words):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    errors = _errors(lambda: activity_services.create_activity(
        measure, actor=None, **activity_fields(plan, **overrides)))
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert not Activity.objects.exists()


def test_funding_equal_to_the_cost_leaves_no_gap_and_amounts_keep_cents(plan, component):
    objective, = build_table(component, activities=0)
    activity = activity_services.create_activity(
        objective.measures.get(), actor=None, **activity_fields(
            plan, cost=Decimal("100.1"), state_budget=Decimal("60.05"),
            foreign_financing=Decimal("40.05")))
    activity.refresh_from_db()
    assert activity.cost == Decimal("100.10") and activity.financing_gap == Decimal("0.00")


def test_an_update_breaking_a_rule_saves_nothing(plan, component):
    objective, = build_table(component, activities=1)
    activity = Activity.objects.get()
    errors = _errors(lambda: activity_services.update_activity(
        activity, actor=None, expected_version=activity.version, title_en="Changed",
        cost=Decimal("-5")))
    assert "cost" in errors
    activity.refresh_from_db()
    assert activity.title_en != "Changed" and activity.version == 1


def test_moving_renumbers_and_moving_to_another_parent_renumbers_both(plan, component):
    build_table(component, objectives=2, measures=2, activities=3)
    table = tree.build(plan)
    first = Activity.objects.get(pk=table.activities()[0].id)
    activity_services.move_activity(first, actor=None, direction="down")
    again = tree.build(plan).measures()[0].activities
    assert [a.id for a in again][:2] == [table.activities()[1].id, first.pk]
    # Up at the top does nothing, and says nothing went wrong.
    top = Activity.objects.get(pk=again[0].id)
    activity_services.move_activity(top, actor=None, direction="up")
    assert tree.build(plan).measures()[0].activities[0].id == top.pk
    # Measure 1.1 goes to objective 2: it becomes 2.3, and 1.2 becomes 1.1.
    measure = Measure.objects.get(pk=table.measures()[0].id)
    services.move_measure(measure, actor=None, to_objective=Objective.objects.get(
        pk=table.objectives()[1].id))
    numbers = {m.id: m.number for m in tree.build(plan).measures()}
    assert numbers[measure.pk] == "2.3"
    assert numbers[table.measures()[1].id] == "1.1"


def test_moving_into_another_plan_is_refused(plan, component, previous_plan):
    from bashke.plans import services as plan_services
    goal = plan_services.add_goal(previous_plan, actor=None, number=1, title_sq="Q",
                                  title_en="G")
    elsewhere = plan_services.add_component(goal, actor=None, slug="x", position=1,
                                            title_sq="X", title_en="X")
    other, = build_table(elsewhere, activities=0)
    objective, = build_table(component, activities=0)
    errors = _errors(lambda: services.move_measure(objective.measures.get(), actor=None,
                                                   to_objective=other))
    assert "same plan" in errors["to"][0]


def test_an_objective_with_measures_is_not_deleted_and_a_measure_takes_its_activities(
        plan, component):
    objective, = build_table(component, measures=2, activities=2)
    with pytest.raises(ValidationError, match="still has measures"):
        services.delete_objective(objective, actor=None)
    measure = objective.measures.order_by("position").first()
    services.delete_measure(measure, actor=None, expected_version=measure.version)
    assert Activity.objects.count() == 2
    assert tree.build(plan).measures()[0].number == "1.1"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).count() == 3


def test_who_may_draft_a_component(plan, component, coordinator, component_leader,
                                   secretariat_member, citizen, other_plan_coordinator):
    other = plan.goals.get(number=1).components.get(slug="transparency")
    for person in (coordinator, component_leader, secretariat_member):
        services.create_objective(component, actor=person, title_en="Increasing access")
    for person in (citizen, other_plan_coordinator):
        with pytest.raises(PermissionDenied, match="coordinators and the component"):
            services.create_objective(component, actor=person, title_en="Nope")
    # The leader of component A does not draft component B.
    with pytest.raises(PermissionDenied):
        services.create_objective(other, actor=component_leader, title_en="Nope")
    assert Objective.objects.count() == 3


def test_an_approved_plan_refuses_everyone_and_says_why(plan, component, coordinator):
    objective, = build_table(component, activities=1)
    PlanVersion.objects.create(plan=plan, number=1, snapshot={}, frozen_at=timezone.now(),
                               status=VersionStatus.APPROVED)
    activity = Activity.objects.get()
    for actor in (coordinator, None):
        with pytest.raises(PermissionDenied, match="approved version"):
            activity_services.update_activity(activity, actor=actor, title_en="Late change")


def test_two_people_saving_the_same_item_the_second_gets_a_conflict(
        plan, component, coordinator, component_leader):
    build_table(component, activities=1)
    # Both open the form on version 1.
    seen = Activity.objects.get()
    assert seen.version == 1
    activity_services.update_activity(seen, actor=coordinator, expected_version=1,
                                      title_en="Establishing two centres")
    with pytest.raises(Conflict) as caught:
        activity_services.update_activity(seen, actor=component_leader, expected_version=1,
                                          title_en="Establishing three centres")
    assert caught.value.saved.title_en == "Establishing two centres"
    assert caught.value.saved.version == 2
    saved = Activity.objects.get()
    assert saved.title_en == "Establishing two centres"
    # Knowing the saved version, the second person may replace it deliberately.
    activity_services.update_activity(seen, actor=component_leader, expected_version=2,
                                      title_en="Establishing three centres")
    assert Activity.objects.get().version == 3


def test_a_stale_delete_is_a_conflict_too(plan, component):
    build_table(component, activities=1)
    activity = Activity.objects.get()
    activity_services.update_activity(activity, actor=None, expected_version=1,
                                      title_en="Establishing the centre")
    with pytest.raises(Conflict):
        activity_services.delete_activity(activity, actor=None, expected_version=1)
    assert Activity.objects.exists()


def test_evidence_must_be_a_held_meeting_of_the_plan(plan, component, coordinator):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    upcoming = meeting(plan, coordinator, days=7, component=component)
    errors = _errors(lambda: services.update_measure(measure, actor=None,
                                                     evidence_meeting=upcoming))
    assert "has taken place" in errors["evidence_meeting"][0]
    past = meeting(plan, coordinator, days=-7, component=component)
    services.update_measure(measure, actor=None, evidence_meeting=past)
    assert Measure.objects.get().evidence_meeting == past


def test_objectives_are_numbered_within_their_policy_goal(plan, component):
    from bashke.plans import services as plan_services
    goal = plan_services.add_goal(plan, actor=None, number=2, title_sq="Qeverisja digjitale",
                                  title_en="Digital Governance")
    public = plan_services.add_component(goal, actor=None, slug="public-services", position=1,
                                         title_sq="Shërbimet publike", title_en="Public services")
    build_table(component, objectives=2, activities=1)
    build_table(public, objectives=1, activities=4)
    table = tree.build(plan)
    assert [o.number for o in table.goals[0].objectives] == ["1", "2"]
    assert [a.number for a in table.goals[1].objectives[0].measures[0].activities] == [
        "1.1.1", "1.1.2", "1.1.3", "1.1.4"]


@pytest.mark.django_db(transaction=True)
def test_two_people_saving_the_same_activity_at_the_same_moment(plan, component, coordinator,
                                                                 component_leader):
    import threading

    from django.db import connection
    from django.utils import translation

    build_table(component, activities=1)
    activity = Activity.objects.get()
    barrier = threading.Barrier(2)
    outcomes = []

    def save(person, title):
        translation.activate("en")
        try:
            barrier.wait(timeout=10)
            activity_services.update_activity(activity, actor=person, expected_version=1,
                                              title_en=title)
            outcomes.append("saved")
        except Conflict as conflict:
            outcomes.append(f"conflict with {conflict.saved.title_en}")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(coordinator, "Establishing two centres")),
               threading.Thread(target=save, args=(component_leader,
                                                   "Establishing three centres"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    saved = Activity.objects.get()
    assert saved.version == 2
    assert sorted(outcomes) == [f"conflict with {saved.title_en}", "saved"]


def test_a_save_that_changes_nothing_keeps_the_version(plan, component):
    build_table(component, activities=1)
    activity = Activity.objects.get()
    activity_services.update_activity(activity, actor=None, expected_version=1,
                                      title_en=activity.title_en,
                                      other_responsible=[])
    assert Activity.objects.get().version == 1

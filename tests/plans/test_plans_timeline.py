import datetime

from bashke.plans import calendar
from bashke.plans.continuity import timeline_warnings
from bashke.plans.cycle import Timeline, pick_current_plan
from bashke.plans.models import StageKind

D = datetime.date


def test_calendar_arithmetic():
    assert calendar.months_between(D(2020, 7, 1), D(2022, 6, 30)) == 24
    assert calendar.months_between(D(2021, 1, 1), D(2022, 6, 30)) == 18
    assert calendar.add_months(D(2020, 8, 31), 6) == D(2021, 2, 28)
    assert calendar.is_whole_years(D(2020, 7, 1), D(2022, 6, 30), 2)
    assert not calendar.is_whole_years(D(2020, 7, 1), D(2022, 7, 1), 2)
    assert calendar.last_six_months(D(2022, 6, 30)) == (D(2022, 1, 1), D(2022, 6, 30))
    assert calendar.roman(4) == "IV" and calendar.roman(9) == "IX"


def test_current_stage_is_derived_from_the_day(plan):
    stages = list(plan.stages.all())
    during = Timeline.of(plan, stages, D(2020, 1, 15))
    assert during.headline_stage.kind == StageKind.ONLINE_CONSULTATION
    assert during.next.kind == StageKind.APPROVAL
    assert during.what_to_do
    between = Timeline.of(plan, stages, D(2020, 3, 15))
    assert between.headline_stage is None
    assert [s.kind for s in between.past] == [StageKind.ONLINE_CONSULTATION]
    assert between.next.kind == StageKind.APPROVAL


def test_warnings_for_co_creation_outside_the_window_and_short_implementation(plan):
    # The fixture's consultation (Jan–Feb 2020) is inside the previous plan's last six
    # months (Jan–Jun 2020), and implementation runs 24 months: no warnings.
    assert timeline_warnings(plan, list(plan.stages.all())) == []
    stages = list(plan.stages.all())
    consultation = next(s for s in stages if s.kind == StageKind.ONLINE_CONSULTATION)
    consultation.start = D(2019, 11, 1)
    implementation = next(s for s in stages if s.kind == StageKind.IMPLEMENTATION)
    implementation.start = D(2021, 1, 1)
    codes = [w.code for w in timeline_warnings(plan, stages)]
    assert codes == ["drafting_window", "short_implementation"]


def test_the_plan_with_a_stage_under_way_is_the_one_shown_first(plan, previous_plan):
    plans = [plan, previous_plan]
    assert pick_current_plan(plans, D(2020, 1, 20)) == plan  # co-creation of the new one
    assert pick_current_plan(plans, D(2019, 1, 1)) == previous_plan  # in force
    assert pick_current_plan(plans, D(2030, 1, 1)) == plan  # newest
    assert pick_current_plan([], D(2030, 1, 1)) is None

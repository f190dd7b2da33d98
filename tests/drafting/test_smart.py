"""The SMART check, a pure function of the table: each rule of the criteria sheet's
verifiability, the title heuristic in both languages, and the whole-plan report. No
database: the table is built as plain data, as a version's snapshot would give it."""

import datetime

import pytest

from bashke.drafting import smart
from bashke.drafting.tree import (
    ActivityRow,
    GoalRow,
    InstitutionRef,
    MeasureRow,
    ObjectiveRow,
    PlanTable,
)

ADISA = InstitutionRef(1, "Agjencia ADISA", "ADISA agency", "ADISA")
START, END = datetime.date(2020, 7, 1), datetime.date(2022, 6, 30)


def activity(number="1.1.1", **overrides):
    fields = {"id": 10, "number": number,
              "title_sq": "Identifikimi i ambjentit në përputhje me parametrat e aksesit",
              "title_en": "", "responsible": ADISA, "other_responsible": [],
              "start": START, "end": END, "cost": None, "state_budget": None,
              "foreign_financing": None, "indicator_sq": "Numri i qendrave", "indicator_en": "",
              "target_sq": "", "target_en": "Four centres"}
    fields.update(overrides)
    return ActivityRow(**fields)


def measure(activities=None, **overrides):
    fields = {"id": 5, "number": "1.1", "ogp_id": "",
              "title_sq": "Ngritja e Qendrave të Integruara të reja", "title_en": "",
              "lead_institution": ADISA, "other_government_actors": "",
              "civil_society_actors": "", "private_sector_actors": "", "texts": {},
              "evidence_meeting": None}
    fields.update(overrides)
    row = MeasureRow(**fields)
    row.activities = [activity()] if activities is None else activities
    return row


def table(*measures):
    objective = ObjectiveRow(1, "1", "Rritja e aksesueshmërisë", "", "", "", 1,
                             measures=list(measures))
    return PlanTable(1, "albania", START, END, goals=[GoalRow(1, 2, "Qeverisja digjitale",
                                                              "Digital Governance",
                                                              objectives=[objective])])


def criteria(warnings):
    return sorted(w.criterion for w in warnings)


def test_the_seeds_rows_pass_every_rule():
    report = smart.check(table(measure()))
    assert report.count == 0 and report.measures == 1 and report.activities == 1


@pytest.mark.parametrize(("overrides", "criterion", "words"), [
    ({"indicator_sq": "", "target_en": ""}, "measurable", "no indicator and no target"),
    ({"indicator_sq": ""}, "measurable", "no indicator"),
    ({"target_en": ""}, "measurable", "no target"),
    ({"responsible": None}, "answerable", "No responsible institution"),
    ({"start": None}, "time_bound", "no start or no end"),
    ({"end": datetime.date(2022, 12, 31)}, "time_bound", "outside the plan's period"),
    ({"start": datetime.date(2021, 5, 1), "end": datetime.date(2021, 4, 1)}, "time_bound",
     "ends before it starts"),
    ({"title_sq": "Qendra"}, "specific", "too short"),
    ({"title_sq": "", "title_en": ""}, "specific", "no title"),
    ({"title_sq": "Shërbimet publike online"}, "specific", "no action or outcome"),
    ({"title_sq": "", "title_en": "Online beneficial ownership register"}, "specific",
     "no action or outcome"),
])
def test_each_rule_warns_an_activity(overrides, criterion, words):
    warnings = smart.check_activity(activity(**overrides), table())
    assert criteria(warnings) == [criterion]
    assert words in str(warnings[0].message)
    assert warnings[0].row == "activity:10" and warnings[0].number == "1.1.1"


@pytest.mark.parametrize("title", [
    "Publikimi i buxhetit çdo muaj", "Monitorimi i cilësisë së shërbimeve",
    "Përgatitja e projektit të rikonstruksionit", "Publish the budget monthly",
    "Establishing new integrated centres", "Increasing accessibility of public services",
])
def test_titles_that_name_an_action_are_specific(title):
    assert smart.title_problem(title, "") is None


def test_either_language_may_carry_the_action():
    assert smart.title_problem("Regjistri online", "Publishing the online register") is None


def test_a_measure_without_lead_or_activities_is_warned():
    warnings = smart.check_measure(measure(activities=[], lead_institution=None), table())
    assert criteria(warnings) == ["answerable", "milestones"]


def test_the_report_counts_by_criterion_and_keeps_table_order():
    first = measure(activities=[activity(responsible=None), activity(
        "1.1.2", id=11, start=None)])
    second = measure(activities=[], id=6, number="1.2")
    report = smart.check(table(first, second))
    assert [w.number for w in report.warnings] == ["1.1.1", "1.1.2", "1.2"]
    counts = {criterion: count for criterion, _label, count in report.per_criterion()}
    assert counts == {"specific": 0, "measurable": 0, "answerable": 1, "time_bound": 1,
                      "milestones": 1}
    assert report.rows_with_warnings == 3
    assert report.of("activity:11")[0].label == "Not time-bound"

"""The cycle's rules: refusals with both dates in the message, and nothing saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from bashke.core.models import AuditEntry
from bashke.plans import services
from bashke.plans.models import ActionPlan, Stage, StageKind

D = datetime.date


def new_plan(jurisdiction, **overrides):
    fields = dict(jurisdiction=jurisdiction, number=9, slug="albania-2022-2024",
                  title_sq="Plani 2022–2024", title_en="Plan 2022–2024",
                  start=D(2022, 7, 1), end=D(2024, 6, 30))
    fields.update(overrides)
    return services.create_plan(actor=None, **fields)


def refused(call, field, *fragments):
    plans, stages, entries = (ActionPlan.objects.count(), Stage.objects.count(),
                              AuditEntry.objects.count())
    with pytest.raises(ValidationError) as caught:
        call()
    messages = " ".join(caught.value.message_dict[field])
    for fragment in fragments:
        assert fragment in messages
    assert (ActionPlan.objects.count(), Stage.objects.count(),
            AuditEntry.objects.count()) == (plans, stages, entries)
    return messages


def test_a_continuous_plan_is_accepted(plan):
    following = new_plan(plan.jurisdiction, previous=plan)
    assert following.gap_days == 0
    assert following.previous == plan


def test_end_before_start_is_refused(jurisdiction):
    refused(lambda: new_plan(jurisdiction, start=D(2024, 1, 1), end=D(2023, 1, 1)),
            "end", "1 January 2024", "1 January 2023")


def test_an_overlapping_plan_is_refused_with_both_dates(plan):
    messages = refused(lambda: new_plan(plan.jurisdiction, start=D(2022, 1, 1),
                                        end=D(2023, 12, 31)),
                       "start", "1 January 2022", "31 December 2023", "1 July 2020",
                       "30 June 2022")
    assert plan.title_en in messages


def test_plans_of_other_jurisdictions_may_overlap(plan):
    other = services.create_jurisdiction(actor=None, slug="tirana", name_sq="Bashkia Tiranë",
                                         name_en="Municipality of Tirana", kind="local",
                                         country_code="AL")
    assert new_plan(other, start=plan.start, end=plan.end, number=1).pk


def test_a_gap_without_reason_is_refused(plan):
    refused(lambda: new_plan(plan.jurisdiction, previous=plan, start=D(2022, 9, 1),
                             end=D(2024, 8, 31)),
            "gap_reason", "30 June 2022", "1 September 2022", "62", "1 July 2022")


def test_a_gap_with_reason_is_accepted_and_shown_as_a_breach(client, plan):
    following = new_plan(plan.jurisdiction, previous=plan, start=D(2022, 9, 1),
                         end=D(2024, 8, 31), gap_reason="Elections delayed the co-creation.")
    assert following.gap_days == 62
    page = client.get(f"/en/plans/{following.slug}/").content.decode()
    assert "Breach of the no-gap rule" in page
    assert "Elections delayed the co-creation." in page


def test_a_three_year_plan_needs_an_override(jurisdiction):
    refused(lambda: new_plan(jurisdiction, end=D(2025, 6, 30)), "length_override_reason",
            "two or four years", "36 months")


def test_an_override_is_accepted_and_recorded_in_the_audit_log(jurisdiction):
    plan = new_plan(jurisdiction, end=D(2025, 6, 30),
                    length_override_reason="Aligned with the national strategy.")
    entry = AuditEntry.objects.get(object_type="plans.actionplan", object_id=str(plan.pk))
    assert "Aligned with the national strategy." in entry.note


def test_four_year_plans_are_standard(jurisdiction):
    assert new_plan(jurisdiction, end=D(2026, 6, 30)).length_months == 48


def test_a_stage_ending_before_it_starts_is_refused(plan):
    refused(lambda: services.add_stage(plan, actor=None, kind=StageKind.DRAFTING,
                                       start=D(2020, 3, 1), end=D(2020, 2, 1)),
            "end", "1 March 2020", "1 February 2020")


def test_a_stage_out_of_order_is_refused(plan):
    # The fixture's approval starts 1 May 2020: drafting (co-creation) cannot start after it.
    refused(lambda: services.add_stage(plan, actor=None, kind=StageKind.DRAFTING,
                                       start=D(2020, 5, 10), end=D(2020, 5, 20)),
            "start", "10 May 2020", "1 May 2020")
    # …nor can implementation start before the approval.
    refused(lambda: services.add_stage(plan, actor=None, kind=StageKind.MONITORING,
                                       start=D(2020, 4, 1), end=D(2020, 4, 30)),
            "start", "1 April 2020")


def test_moving_a_stage_out_of_order_is_refused_and_the_stage_kept(plan):
    stage = plan.stages.get(kind=StageKind.ONLINE_CONSULTATION)
    with pytest.raises(ValidationError):
        services.update_stage(stage, actor=None, start=D(2020, 6, 1), end=D(2020, 6, 20))
    stage.refresh_from_db()
    assert stage.start == D(2020, 1, 1)


def test_updating_a_plan_into_an_overlap_is_refused(plan, previous_plan):
    with pytest.raises(ValidationError) as caught:
        services.update_plan(previous_plan, actor=None, end=D(2020, 12, 31),
                             length_override_reason="x")
    assert "overlaps" in caught.value.message_dict["start"][0]
    previous_plan.refresh_from_db()
    assert previous_plan.end == D(2020, 6, 30)


def test_a_previous_plan_of_another_jurisdiction_is_refused(plan):
    other = services.create_jurisdiction(actor=None, slug="kosovo", name_sq="Kosova",
                                         name_en="Kosovo", kind="national", country_code="XK")
    refused(lambda: new_plan(other, previous=plan, number=1), "previous", "same jurisdiction")


def test_unknown_fields_are_a_programming_error(plan):
    with pytest.raises(TypeError):
        services.update_plan(plan, actor=None, colour="red")

"""The criteria sheet: every plan starts from the seed's criteria; coordinators shape it
while it is prepared, then open and close assessment; nobody else may, and nothing changes
once it is open."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bashke.assessment.models import CriteriaSheet, SheetStatus
from bashke.assessment.services import criteria as services
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_new_plan_gets_the_seeds_criteria(plan):
    sheet = plan.criteria_sheet
    criteria = list(sheet.criteria.all())
    assert (sheet.status, sheet.scale_min, sheet.scale_max) == ("preparing", 0, 3)
    assert [c.code for c in criteria[:4]] == ["specific", "measurable", "answerable",
                                              "time-bound"]
    assert {c.group_en for c in criteria[:4]} == {"Verifiability"}
    relevance = [c.title_en for c in criteria if c.group_en == "Relevance to OGP principles"]
    assert relevance == ["Transparency and access to information",
                         "Public and civic participation", "Public accountability",
                         "Technology and innovation for transparency and accountability"]
    groups = [c.group_en for c in criteria[8:]]
    assert groups == ["Potential impact", "Public participation and civil society engagement",
                      "Feasibility", "Alignment", "Other aspects"]
    other = criteria[-1]
    assert other.weight == 0 and all(c.weight == 1 for c in criteria[:-1])
    assert all(c.title_sq and c.guidance_sq and c.guidance_en for c in criteria)
    assert "Indicators clearly defined" in criteria[1].guidance_en


def test_ensure_sheet_is_idempotent_and_lazy_for_older_plans(plan):
    CriteriaSheet.objects.filter(plan=plan).delete()
    first = services.ensure_sheet(plan)
    second = services.ensure_sheet(plan)
    assert first.pk == second.pk and first.criteria.count() == 13
    assert AuditEntry.objects.filter(object_type="assessment.criteriasheet",
                                     scope=plan.audit_scope).count() == 2  # hook + lazy


def test_coordinator_shapes_the_sheet(plan, coordinator):
    sheet = plan.criteria_sheet
    added = services.add_criterion(sheet, actor=coordinator, version=sheet.version,
                                   title_en="Gender equality", title_sq="Barazia gjinore",
                                   weight=Decimal("2"))
    assert added.code == "gender-equality" and added.position == 14
    assert added.group_en == "Gender equality"  # a group of its own
    sheet.refresh_from_db()
    services.move_criterion(added, actor=coordinator, offset=-1, version=sheet.version)
    sheet.refresh_from_db()
    assert list(sheet.criteria.values_list("code", flat=True))[-2:] == ["gender-equality",
                                                                       "other"]
    services.update_criterion(added, actor=coordinator, version=sheet.version,
                              guidance_en="Does it treat women and men alike?")
    sheet.refresh_from_db()
    services.remove_criterion(sheet.criteria.get(code="alignment"), actor=coordinator,
                              version=sheet.version)
    sheet.refresh_from_db()
    services.update_sheet(sheet, actor=coordinator, version=sheet.version, scale_min=1,
                          scale_max=5, disagreement_margin=Decimal("1.5"))
    sheet.refresh_from_db()
    assert (sheet.scale_min, sheet.scale_max, sheet.disagreement_margin) == (1, 5,
                                                                             Decimal("1.50"))
    assert list(sheet.criteria.values_list("position", flat=True)) == list(range(1, 14))
    actions = AuditEntry.objects.filter(scope=plan.audit_scope,
                                        object_type__startswith="assessment.")
    assert actions.filter(action="delete", object_type="assessment.criterion").count() == 1


@pytest.mark.parametrize("persona", ["assessor", "component_leader", "cso_member",
                                     "other_plan_coordinator", "staff_without_role"])
def test_only_coordinators_change_the_sheet(request, plan, persona):
    person = request.getfixturevalue(persona)
    sheet = plan.criteria_sheet
    with pytest.raises(PermissionDenied, match="coordinators"):
        services.add_criterion(sheet, actor=person, title_en="Mine")
    with pytest.raises(PermissionDenied):
        services.open_assessment(sheet, actor=person)
    assert sheet.criteria.count() == 13


def test_nothing_changes_once_assessment_opened(plan, coordinator):
    sheet = services.open_assessment(plan.criteria_sheet, actor=coordinator)
    criterion = sheet.criteria.first()
    for change in (
            lambda: services.add_criterion(sheet, actor=coordinator, title_en="Late"),
            lambda: services.update_criterion(criterion, actor=coordinator, weight=5),
            lambda: services.remove_criterion(criterion, actor=coordinator),
            lambda: services.move_criterion(criterion, actor=coordinator, offset=1),
            lambda: services.update_sheet(sheet, actor=coordinator, scale_min=0, scale_max=5,
                                          disagreement_margin=1)):
        with pytest.raises(ValidationError, match="Assessment has opened"):
            change()
    criterion.refresh_from_db()
    assert criterion.weight == 1 and sheet.criteria.count() == 13


def test_a_stale_version_is_a_conflict_and_overwrites_nothing(plan, coordinator):
    sheet = plan.criteria_sheet
    seen = sheet.version
    services.update_sheet(sheet, actor=coordinator, version=seen, scale_min=0, scale_max=4,
                          disagreement_margin=1)
    with pytest.raises(services.Conflict) as caught:
        services.update_sheet(sheet, actor=coordinator, version=seen, scale_min=0,
                              scale_max=10, disagreement_margin=2)
    assert caught.value.current.scale_max == 4
    with pytest.raises(services.Conflict):
        services.add_criterion(sheet, actor=coordinator, version=seen, title_en="Late")
    sheet.refresh_from_db()
    assert sheet.scale_max == 4 and sheet.criteria.count() == 13


@pytest.mark.parametrize("low, high, margin, field, message", [
    (3, 3, 1, "scale_max", "must be above the lowest, 3"),
    (0, 101, 1, "scale_max", "at most 100"),
    (0, 3, 4, "disagreement_margin", "wider than the whole scale"),
    (0, 3, -1, "disagreement_margin", "cannot be negative"),
])
def test_a_bad_scale_is_refused_on_its_field(plan, coordinator, low, high, margin, field,
                                             message):
    with pytest.raises(ValidationError) as caught:
        services.update_sheet(plan.criteria_sheet, actor=coordinator, scale_min=low,
                              scale_max=high, disagreement_margin=Decimal(margin))
    assert message in " ".join(caught.value.message_dict[field])


def test_a_criterion_needs_a_title_and_a_weight_not_below_zero(plan, coordinator):
    with pytest.raises(ValidationError) as caught:
        services.add_criterion(plan.criteria_sheet, actor=coordinator, title_en=" ",
                               weight=Decimal("-1"))
    assert set(caught.value.message_dict) == {"title_en", "weight"}


def test_opening_needs_a_counted_criterion_and_closing_an_open_sheet(plan, coordinator):
    sheet = plan.criteria_sheet
    with pytest.raises(ValidationError, match="Only an open assessment"):
        services.close_assessment(sheet, actor=coordinator)
    sheet.criteria.update(weight=0)
    with pytest.raises(ValidationError, match="At least one criterion must count"):
        services.open_assessment(sheet, actor=coordinator)
    sheet.criteria.update(weight=1)
    sheet = services.open_assessment(sheet, actor=coordinator)
    assert sheet.status == SheetStatus.OPEN and sheet.opened_at
    sheet = services.close_assessment(sheet, actor=coordinator)
    assert sheet.status == SheetStatus.CLOSED and sheet.closed_at
    with pytest.raises(ValidationError, match="already open or closed"):
        services.open_assessment(sheet, actor=coordinator)

"""Assessors score ideas: drafts, then a final submission; the combined score kept on
save; the scale, the assessor's components and the sheet's state respected; a stale
version never overwrites."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from scoring_helpers import make_assessor, open_sheet, record_idea, scores, submit

from bashke.assessment.models import Assessment
from bashke.assessment.services import criteria as criteria_services
from bashke.assessment.services import scoring as services
from bashke.assessment.services.criteria import Conflict
from bashke.consultation.services import deliberation
from bashke.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(plan, coordinator):
    return open_sheet(plan, coordinator)


@pytest.fixture
def idea(plan, coordinator, component):
    return record_idea(plan, coordinator, component)


def test_a_draft_keeps_the_weighted_mean_and_leaves_weight_zero_out(plan, coordinator, idea,
                                                                     assessor):
    sheet = plan.criteria_sheet
    criteria_services.update_criterion(sheet.criteria.get(code="specific"), actor=coordinator,
                                       weight=Decimal("3"))
    sheet = open_sheet(plan, coordinator)
    given = scores(sheet, score=1, specific=3, other=0)
    saved = services.save_assessment(idea, actor=assessor, scores=given)
    # specific 3 × weight 3, eleven others 1 × 1: (9 + 11) / 14; "other" is not counted.
    assert saved.total == Decimal("1.429")
    assert saved.submitted_at is None and saved.version == 1
    assert saved.scores.count() == 13
    entry = AuditEntry.objects.get(object_type="assessment.assessment")
    assert "Assessor" not in entry.object_repr
    assert entry.public_changes() == {"submitted": [None, False]}


def test_a_partial_draft_is_fine_but_submitting_needs_every_counted_criterion(sheet, idea,
                                                                              assessor):
    services.save_assessment(idea, actor=assessor, scores={"specific": {"score": 2}})
    assessment = Assessment.objects.get()
    assert assessment.total == Decimal("2.000")
    partial = {"specific": {"score": 2, "meets": "yes"}}
    with pytest.raises(ValidationError) as caught:
        services.save_assessment(idea, actor=assessor, scores=partial, version=1, submit=True)
    errors = caught.value.message_dict
    assert "Measurable: give a score before you submit." in errors["measurable-score"]
    assert "other-score" not in errors  # weight 0: explained, not required
    assessment.refresh_from_db()
    assert assessment.submitted_at is None and assessment.version == 1


@pytest.mark.parametrize("given, field, message", [
    ({"score": 5}, "specific-score", "Specific: score 5 is above the scale's highest, 3."),
    ({"score": -1}, "specific-score", "Specific: score -1 is below the scale's lowest, 0."),
    ({"score": "two"}, "specific-score", "not a whole number"),
    ({"meets": "maybe"}, "specific-meets", "“maybe” is not an answer"),
    ({"evidence": "x" * 5001}, "specific-evidence", "at most 5000"),
])
def test_bad_values_are_named_on_their_field(sheet, idea, assessor, given, field, message):
    with pytest.raises(ValidationError) as caught:
        services.save_assessment(idea, actor=assessor, scores={"specific": given})
    assert message in " ".join(caught.value.message_dict[field])
    assert not Assessment.objects.exists()


def test_a_submitted_assessment_is_final(sheet, idea, assessor):
    done = submit(idea, assessor, sheet)
    assert done.submitted_at is not None and done.total == Decimal("2.000")
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_assessment(idea, actor=assessor, scores=scores(sheet, score=0),
                                 version=done.version)


def test_a_stale_version_is_a_conflict_and_overwrites_nothing(sheet, idea, assessor):
    first = services.save_assessment(idea, actor=assessor, scores=scores(sheet, score=1))
    services.save_assessment(idea, actor=assessor, scores=scores(sheet, score=3),
                             version=first.version)
    with pytest.raises(Conflict) as caught:
        services.save_assessment(idea, actor=assessor, scores=scores(sheet, score=0),
                                 version=first.version)
    assert caught.value.current.total == Decimal("3.000")
    with pytest.raises(Conflict):  # a "new" one when one exists
        services.save_assessment(idea, actor=assessor, scores=scores(sheet, score=0))
    assert Assessment.objects.get().total == Decimal("3.000")


def test_assessors_score_only_their_components_ideas(plan, coordinator, sheet, component):
    other_component = plan.goals.get().components.exclude(pk=component.pk).get()
    mine = record_idea(plan, coordinator, component, "Mine")
    theirs = record_idea(plan, coordinator, other_component, "Theirs")
    person = make_assessor(plan, "component.assessor@example.org", component=component)
    services.save_assessment(mine, actor=person, scores=scores(sheet))
    with pytest.raises(PermissionDenied, match="assessors of this idea's component"):
        services.save_assessment(theirs, actor=person, scores=scores(sheet))
    assert list(services.assessable_ideas(plan, {component.pk})) == [mine]


@pytest.mark.parametrize("persona", ["coordinator", "component_leader", "cso_member"])
def test_people_who_are_not_assessors_cannot_score(request, sheet, idea, persona):
    with pytest.raises(PermissionDenied):
        services.save_assessment(idea, actor=request.getfixturevalue(persona),
                                 scores=scores(sheet))


def test_scoring_waits_for_the_sheet_to_open_and_stops_when_it_closes(plan, coordinator,
                                                                     idea, assessor):
    sheet = plan.criteria_sheet
    with pytest.raises(ValidationError, match="not opened yet"):
        services.save_assessment(idea, actor=assessor, scores=scores(sheet))
    sheet = open_sheet(plan, coordinator)
    criteria_services.close_assessment(sheet, actor=coordinator)
    with pytest.raises(ValidationError, match="Assessment is closed"):
        services.save_assessment(idea, actor=assessor, scores=scores(sheet))


def test_a_hidden_idea_is_not_assessed(sheet, idea, assessor, coordinator):
    deliberation.hide(idea, actor=coordinator, reason="Off topic.")
    idea.refresh_from_db()
    with pytest.raises(ValidationError, match="withdrawn or hidden"):
        services.save_assessment(idea, actor=assessor, scores=scores(sheet))

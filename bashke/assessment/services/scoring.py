"""Assessors and their scores.

The coordinator makes people assessors of a component, or of all (a ``PlanRole`` written
by the plans services, so the roles keep one audit trail). An assessor scores the ideas of
their components while the sheet is open: per criterion, whether the idea meets it (yes,
partly, no), a score on the sheet's scale and the evidence. They save drafts as often as
they like, then submit; a submitted assessment is final, since its author has then seen
the others' scores. Each save keeps ``Assessment.total``, the weighted mean of the scores
(criteria of weight 0 are explained, not counted), so that a ranking is one query.

A save names the version the person loaded: a stale one (the same assessment saved in
another tab, or uploaded from the offline sheet) is a ``Conflict`` and overwrites nothing.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.assessment.models import (
    Assessment,
    CriteriaSheet,
    CriterionScore,
    ForumMember,
    Meets,
    SheetStatus,
)
from bashke.assessment.rules.scoring import ALL
from bashke.assessment.services.criteria import Conflict
from bashke.consultation.models import Idea, IdeaStatus
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require
from bashke.plans import services as plan_services
from bashke.plans.models import PlanRole, Role

CREATE, UPDATE = AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE
EVIDENCE_MAX = 5000
THOUSANDTH = Decimal("0.001")


# Who assesses --------------------------------------------------------------------------------

def _assign_check(actor, plan):
    require(actor, "assessment.assign_assessors", plan,
            _("Only the plan's coordinators choose its assessors."))


@transaction.atomic
def assign_assessor(plan, user, *, actor, component=None) -> PlanRole:
    """``user`` assesses the ideas of ``component`` (of every component when None)."""
    _assign_check(actor, plan)
    if not user.is_active:
        raise ValidationError({"user": _("This account is closed.")})
    return plan_services.assign_role(plan, user, Role.ASSESSOR, actor=actor,
                                     component=component)


@transaction.atomic
def remove_assessor(plan_role, *, actor) -> None:
    """Takes the role away; what the person already scored stays, and counts if submitted."""
    _assign_check(actor, plan_role.plan)
    if plan_role.role != Role.ASSESSOR:
        raise ValidationError(_("This is not an assessor's role."))
    plan_services.revoke_role(plan_role, actor=actor)


def assessor_candidates(plan):
    """People who may be made assessors without looking them up: the forum's members who
    have an account and are still members, and anyone already an assessor."""
    members = ForumMember.objects.filter(plan=plan, user__isnull=False, left_on__isnull=True
                                         ).values("user")
    assessors = PlanRole.objects.filter(plan=plan, role=Role.ASSESSOR).values("user")
    return (get_user_model().objects.filter(Q(pk__in=members) | Q(pk__in=assessors),
                                            is_active=True)
            .order_by("display_name", "id"))


# What an assessor scores ------------------------------------------------------------------

def assessable_ideas(plan, components):
    """The ideas ``components`` (``components_assessed_by``) covers: submitted, not hidden."""
    ideas = (Idea.objects.for_plan(plan).visible().filter(status=IdeaStatus.SUBMITTED)
             .select_related("plan", "component"))
    if components is ALL:
        return ideas
    return ideas.filter(component__in=components)


def weighted_total(criteria, values: dict):
    """The weighted mean of the scores given, over the criteria that count; None when no
    counted criterion has a score yet. ``values``: {criterion id: score or None}."""
    weight_sum = score_sum = Decimal(0)
    for criterion in criteria:
        score = values.get(criterion.pk)
        if criterion.weight > 0 and score is not None:
            weight_sum += criterion.weight
            score_sum += criterion.weight * score
    if not weight_sum:
        return None
    return (score_sum / weight_sum).quantize(THOUSANDTH, rounding=ROUND_HALF_UP)


def _parse_score(raw):
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, int):
        return raw
    text = str(raw).strip()
    if not text.lstrip("-").isdigit():
        raise ValueError
    return int(text)


def check_scores(sheet, criteria, scores: dict, *, submit: bool):
    """(clean values, problems) for ``scores`` ({code: {"meets", "score", "evidence"}}):
    clean values {criterion id: (meets, score, evidence)}, problems a list of (code, part,
    message) with part "meets", "score" or "evidence". Shared by the form, the API and
    the offline sheet, so all three refuse the same things in the same words."""
    known = {criterion.code: criterion for criterion in criteria}
    problems = [(code, "score", _("There is no criterion “%(code)s” on this sheet.")
                 % {"code": code}) for code in scores if code not in known]
    clean = {}
    for criterion in criteria:
        given = scores.get(criterion.code) or {}
        name = criterion.title
        meets = (given.get("meets") or "").strip().lower()
        if meets and meets not in Meets.values:
            problems.append((criterion.code, "meets", _(
                "%(criterion)s: “%(value)s” is not an answer; choose yes, partly or no.")
                % {"criterion": name, "value": meets}))
        try:
            score = _parse_score(given.get("score"))
        except (ValueError, TypeError):
            problems.append((criterion.code, "score", _(
                "%(criterion)s: the score “%(value)s” is not a whole number.")
                % {"criterion": name, "value": given.get("score")}))
            score = None
        else:
            if score is not None and score > sheet.scale_max:
                problems.append((criterion.code, "score", _(
                    "%(criterion)s: score %(score)s is above the scale's highest, %(high)s.")
                    % {"criterion": name, "score": score, "high": sheet.scale_max}))
            elif score is not None and score < sheet.scale_min:
                problems.append((criterion.code, "score", _(
                    "%(criterion)s: score %(score)s is below the scale's lowest, %(low)s.")
                    % {"criterion": name, "score": score, "low": sheet.scale_min}))
        evidence = (given.get("evidence") or "").strip()
        if len(evidence) > EVIDENCE_MAX:
            problems.append((criterion.code, "evidence", _(
                "%(criterion)s: the evidence is %(length)s characters long; at most "
                "%(limit)s.") % {"criterion": name, "length": len(evidence),
                                 "limit": EVIDENCE_MAX}))
        if submit and criterion.weight > 0:
            if score is None and not any(c == criterion.code and p == "score"
                                         for c, p, _m in problems):
                problems.append((criterion.code, "score", _(
                    "%(criterion)s: give a score before you submit.") % {"criterion": name}))
            if not meets:
                problems.append((criterion.code, "meets", _(
                    "%(criterion)s: say whether the idea meets it before you submit.")
                    % {"criterion": name}))
        clean[criterion.pk] = (meets, score, evidence)
    return clean, problems


def field_name(code, part):
    """The form field of one criterion's part, as the scoring form and its errors name it."""
    return f"{code}-{part}"


def _check_open(sheet):
    if sheet.status == SheetStatus.PREPARING:
        raise ValidationError(_("Assessment has not opened yet: the coordinators are still "
                                "preparing the criteria."), code="not_open")
    if sheet.status == SheetStatus.CLOSED:
        raise ValidationError(_("Assessment is closed: scores can no longer change."),
                              code="closed")


def _check_idea(idea):
    if idea.is_hidden or idea.status != IdeaStatus.SUBMITTED:
        raise ValidationError(_("This idea was withdrawn or hidden: it is not assessed."),
                              code="not_assessable")


@transaction.atomic
def save_assessment(idea, *, actor, scores: dict, version=None, submit=False) -> Assessment:
    """Saves ``actor``'s scores of ``idea`` (as a draft, or submitted with ``submit``).
    ``version`` is the version of the assessment the person loaded; None or 0 when they
    started a new one. Raises ``Conflict`` when it is stale, ``ValidationError`` keyed by
    form field (``field_name``) for bad values; saves nothing then."""
    require(actor, "assessment.assess_idea", idea,
            _("Only the assessors of this idea's component can score it."))
    sheet = (CriteriaSheet.objects.select_for_update(of=("self",)).select_related("plan")
             .filter(plan_id=idea.plan_id).first())
    if sheet is None:
        raise ValidationError(_("Assessment has not opened yet: the coordinators are still "
                                "preparing the criteria."), code="not_open")
    _check_open(sheet)
    _check_idea(idea)
    criteria = list(sheet.criteria.all())
    assessment = (Assessment.objects.select_for_update().filter(idea=idea, assessor=actor)
                  .first())
    given = int(version or 0)
    if assessment is not None and given != assessment.version:
        raise Conflict(_("You saved this assessment elsewhere (another window, or the "
                         "offline sheet) after you opened it. Nothing was overwritten: "
                         "compare, then save again."), current=assessment)
    if assessment is None and given:
        raise Conflict(_("This assessment is no longer there to update."), current=None)
    if assessment is not None and assessment.submitted_at is not None:
        raise ValidationError(_("You have submitted this assessment: it can no longer "
                                "change."), code="submitted")
    clean, problems = check_scores(sheet, criteria, scores, submit=submit)
    if problems:
        errors = {}
        for code, part, message in problems:
            errors.setdefault(field_name(code, part), []).append(message)
        raise ValidationError(errors)
    return _store(sheet, idea, actor, assessment, criteria, clean, submit)


def _snapshot(assessment, clean):
    return {"total": audit.json_safe(assessment.total),
            "submitted": assessment.submitted_at is not None,
            "scores": {str(pk): list(values) for pk, values in sorted(clean.items())}}


def _store(sheet, idea, actor, assessment, criteria, clean, submit):
    creating = assessment is None
    before = {} if creating else _snapshot(assessment, {
        s.criterion_id: (s.meets, s.score, s.evidence) for s in assessment.scores.all()})
    if creating:
        assessment = Assessment(sheet=sheet, idea=idea, assessor=actor)
    else:
        assessment.version += 1
    assessment.total = weighted_total(criteria, {pk: v[1] for pk, v in clean.items()})
    if submit:
        assessment.submitted_at = timezone.now()
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError:  # the same person's first save, twice at once
        raise Conflict(_("You saved this assessment elsewhere at the same moment. Nothing "
                         "was overwritten: compare, then save again."),
                       current=Assessment.objects.get(idea=idea, assessor=actor)) from None
    CriterionScore.objects.filter(assessment=assessment).delete()
    CriterionScore.objects.bulk_create(
        CriterionScore(assessment=assessment, criterion_id=pk, meets=meets, score=score,
                       evidence=evidence)
        for pk, (meets, score, evidence) in clean.items())
    audit.record(actor=actor, action=CREATE if creating else UPDATE, instance=assessment,
                 before=before, after=_snapshot(assessment, clean),
                 # The scores stay out of the public history: while assessment is open
                 # the others may not see them yet (the ranking shows the aggregates).
                 scope=sheet.plan.audit_scope, personal_fields=["assessor", "total", "scores"])
    return assessment


def my_assessments(plan, user):
    """{idea id: Assessment} of ``user`` on ``plan``, in one query."""
    return {a.idea_id: a for a in Assessment.objects.filter(sheet__plan=plan, assessor=user)}


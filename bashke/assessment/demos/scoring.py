"""Demo assessment: on the Korçë plan (assessment open today) and Albania's 2020–2022 plan
(assessment closed, so its individual scores are public), two forum assessors have scored
some ideas — agreeing on one, disagreeing on another (the flag shows) — and on Korçë one
assessment is still a draft. ``load`` creates only what is missing."""

from bashke.accounts.models import Sector, User
from bashke.assessment.models import Assessment, SheetStatus
from bashke.assessment.services import criteria as criteria_services
from bashke.assessment.services import scoring as services
from bashke.consultation.models import Idea, IdeaStatus
from bashke.core import audit
from bashke.core.links import absolute
from bashke.plans.cycle import today
from bashke.plans.demo_data import DEMO_PASSWORD
from bashke.plans.models import ActionPlan, PlanRole, Role, StageKind

FIRST = "assessor@bashke.example"
SECOND = ("assessor2@bashke.example", "Vlerësuesi i dytë (forumi)")
# Per idea (in the order submitted): each assessor's base score, or None for no assessment;
# "draft" leaves the first assessor's unsubmitted. The second idea is the disagreement.
PATTERNS = [(2, 2, True), (3, 1, True), (2, None, False)]
EVIDENCE = {
    3: ("Qartë dhe e matshme, me institucion përgjegjës.", "Clear and measurable, with a "
        "responsible institution."),
    2: ("Pjesërisht: mungojnë treguesit dhe afatet.", "Partly: indicators and dates are "
        "missing."),
    1: ("E paqartë: nuk thuhet kush e zbaton as kur.", "Unclear: it does not say who "
        "implements it or when."),
}


def _second_assessor():
    user = User.objects.filter(email=SECOND[0]).first()
    if user is None:
        user = User.objects.create_user(email=SECOND[0], password=DEMO_PASSWORD,
                                        display_name=SECOND[1], sector=Sector.ACADEMIA,
                                        email_verified=True)
    return user


def _scores(sheet, base, language):
    scores = {}
    for index, criterion in enumerate(sheet.criteria.all()):
        # A little variety around the base, kept on the scale.
        score = max(sheet.scale_min, min(sheet.scale_max, base - (index % 3 == 2)))
        meets = {3: "yes", 2: "partly"}.get(score, "no")
        evidence = EVIDENCE.get(score, EVIDENCE[1])[0 if language == "sq" else 1]
        scores[criterion.code] = {"meets": meets if criterion.weight else "",
                                  "score": score if criterion.weight else None,
                                  "evidence": evidence}
    return scores


def _assess(plan, people, *, close):
    sheet = criteria_services.ensure_sheet(plan)
    if sheet.status == SheetStatus.PREPARING:
        sheet = criteria_services.open_assessment(sheet, actor=None)
    for person in people:
        if not PlanRole.objects.filter(plan=plan, user=person, role=Role.ASSESSOR).exists():
            services.assign_assessor(plan, person, actor=None)
    ideas = list(Idea.objects.for_plan(plan).visible().filter(status=IdeaStatus.SUBMITTED)
                 .order_by("submitted_at", "id")[:len(PATTERNS)])
    created = 0
    if sheet.status == SheetStatus.OPEN:
        for idea, (first, second, submit_first) in zip(ideas, PATTERNS, strict=False):
            for person, base, submit in ((people[0], first, submit_first or close),
                                         (people[1], second, True)):
                if base is None or Assessment.objects.filter(idea=idea,
                                                             assessor=person).exists():
                    continue
                services.save_assessment(idea, actor=person, submit=submit,
                                         scores=_scores(sheet, base, idea.language))
                created += 1
        if close:
            criteria_services.close_assessment(sheet, actor=None)
    return created


def _assessment_days_of_past_plans():
    """Each ended plan's day for these entries: its prioritisation (else drafting) stage,
    when its ideas were assessed, so that its history does not say it happened today."""
    days = {}
    for plan in ActionPlan.objects.filter(end__lt=today()).prefetch_related("stages"):
        stages = sorted(plan.stages.all(), key=lambda stage: stage.start)
        chosen = next((s for s in stages if s.kind == StageKind.PRIORITISATION), None) or next(
            (s for s in stages if s.kind == StageKind.DRAFTING), stages[0] if stages else None)
        days[plan.audit_scope] = chosen.start if chosen else plan.start
    return days


def load(out):
    with audit.dated(scopes=_assessment_days_of_past_plans()):
        _load(out)


def _load(out):
    first = User.objects.filter(email=FIRST).first()
    if first is None:
        return
    people = [first, _second_assessor()]
    created = 0
    for prefix, close in (("korce", False), ("albania-2020-2022", True)):
        plan = ActionPlan.objects.filter(slug__startswith=prefix).order_by("number").first()
        if plan is not None:
            created += _assess(plan, people, close=close)
    if created:
        korce = ActionPlan.objects.filter(slug__startswith="korce").first()
        out.write(f"Demo assessments: {created} saved; the ranking is on "
                  f"{absolute(f'/sq/plans/{korce.slug}/assessment/ranking/')}"
                  if korce else f"Demo assessments: {created} saved.")
        out.write(f"  {SECOND[0]:32} assessor (password: {DEMO_PASSWORD})")

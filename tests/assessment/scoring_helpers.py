"""Helpers for the criteria, scoring, ranking and offline-sheet tests: ideas recorded
through the services, an open sheet, and complete score sets."""

from bashke.assessment.services import criteria as criteria_services
from bashke.assessment.services import scoring as scoring_services
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user


def record_idea(plan, coordinator, component, title="Open budget data"):
    """An idea received by e-mail, recorded by a coordinator (at any stage of the plan)."""
    return idea_services.submit_idea(
        plan, actor=coordinator, channel=Channel.EMAIL, recorded=True,
        answers={"title": title, "overall_idea": "Publish the budget as open data.",
                 "component": component, "language": "en", "submitter_name": "Drita"})


def open_sheet(plan, coordinator):
    sheet = criteria_services.ensure_sheet(plan)
    return criteria_services.open_assessment(sheet, actor=coordinator)


def scores(sheet, score=2, meets="yes", evidence="", **by_code):
    """A full score set: ``score`` for every criterion, or by_code[code] = score."""
    return {criterion.code: {"meets": meets, "score": by_code.get(
        criterion.code.replace("-", "_"), score), "evidence": evidence}
        for criterion in sheet.criteria.all()}


def make_assessor(plan, email, component=None, name=None):
    user = make_user(email, name or email.split("@")[0].title())
    plan_services.assign_role(plan, user, Role.ASSESSOR, actor=None, component=component)
    return user


def submit(idea, user, sheet, **kwargs):
    return scoring_services.save_assessment(idea, actor=user, scores=scores(sheet, **kwargs),
                                            submit=True)

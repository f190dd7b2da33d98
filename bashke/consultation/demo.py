"""The consultation's demo data: each sub-domain's module in ``demos/`` that exists, in
this order (ideas first, for meetings and surveys refer to them)."""

from importlib import import_module
from importlib.util import find_spec

from bashke.core import audit
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan, StageKind

AREAS = ["briefs", "ideas", "deliberation", "prioritisation", "meetings", "surveys"]


def load(out):
    # What the demo records on a plan that has ended is dated in that plan's consultation,
    # so its history does not say it all happened on the day the demo was loaded.
    with audit.dated(scopes=_consultation_days_of_past_plans()):
        for area in AREAS:
            name = f"bashke.consultation.demos.{area}"
            if find_spec(name) is not None:
                import_module(name).load(out)


def _consultation_days_of_past_plans():
    days = {}
    for plan in ActionPlan.objects.filter(end__lt=today()).prefetch_related("stages"):
        stages = sorted(plan.stages.all(), key=lambda stage: stage.start)
        consultation = next((s for s in stages if s.kind == StageKind.ONLINE_CONSULTATION),
                            stages[0] if stages else None)
        days[plan.audit_scope] = consultation.start if consultation else plan.start
    return days

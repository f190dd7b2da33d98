"""Demo criteria sheets: every demo plan has the seed's sheet (new plans get it when they
are opened; this covers plans loaded before the sheet existed). ``load`` is idempotent."""

from bashke.assessment.services.criteria import ensure_sheet
from bashke.plans.models import ActionPlan


def load(out):
    plans = list(ActionPlan.objects.filter(criteria_sheet__isnull=True))
    for plan in plans:
        ensure_sheet(plan)
    if plans:
        out.write(f"Demo criteria sheets: {len(plans)} created from the seed's criteria.")

"""What a new plan gets from the assessment app, called by ``plans.services.create_plan``
through ``core.discovery``: its criteria sheet, from the seed's criteria."""

from bashke.assessment.services.criteria import ensure_sheet


def setup(plan):
    ensure_sheet(plan, actor=None)

"""The objects the assessment rows of the matrix name, added to the scene (scene.py) after the
consultation's. ``scene`` has the plan, its components, the users and what came before.

The plan's criteria sheet (made from the seed's when the plan was opened) is **open for
assessment**: the ``assessor`` persona assesses every component and has not scored
``idea`` yet; a second assessor, of component A only, has submitted their assessment of it.

- ``criterion``: the sheet's first criterion (edit, move, remove: sent back to the sheet,
  since an open sheet no longer changes);
- ``assessor_role``: the second assessor's role (the row that removes it).
"""

from bashke.accounts.models import Sector
from bashke.assessment.services import criteria, scoring
from bashke.plans.models import PlanRole, Role

from personas import make_user


def build(scene):
    plan = scene.plan
    sheet = criteria.ensure_sheet(plan)
    sheet = criteria.open_assessment(sheet, actor=None)
    second = make_user("component-assessor@example.org", "Component Assessor",
                       sector=Sector.CIVIL_SOCIETY)
    scoring.assign_assessor(plan, second, actor=None, component=scene.component)
    scoring.save_assessment(scene.idea, actor=second, submit=True, scores={
        criterion.code: {"meets": "partly", "score": 2, "evidence": "Some evidence."}
        for criterion in sheet.criteria.all()})
    return {"sheet": sheet, "criterion": sheet.criteria.first(),
            "assessor_role": PlanRole.objects.get(plan=plan, user=second, role=Role.ASSESSOR)}

"""The objects the exports rows of the matrix name, added to the scene (scene.py) after the
consultation's. ``scene`` has the plan, its components, the users and what came before.

- ``export_measure_number``: the number in the table ("1.1") of a measure of the plan, for
  the commitment template of one measure (the drafting scene's measure when it has one);
- ``export_xlsx``: the plan's table as downloaded (.xlsx), which the import rows upload
  unchanged: the coordinator's import succeeds and changes nothing.
"""

from bashke.drafting import tree
from bashke.drafting.models import Measure, Objective
from bashke.exports import plan_xlsx, source


def build(scene):
    plan = scene.plan
    measure = scene.objects.get("table_measure")
    if measure is None:
        objective = Objective.objects.create(component=scene.component, title_en="Exported")
        measure = Measure.objects.create(objective=objective, title_en="Exported measure")
    number = next(row.number for row in tree.build(plan).measures() if row.id == measure.pk)
    xlsx = plan_xlsx.build(source.source(plan, language="en"))
    return {"export_measure_number": number, "export_xlsx": xlsx}

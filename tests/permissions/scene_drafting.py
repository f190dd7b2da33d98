"""The objects the drafting rows of the matrix name, added to the scene (scene.py) after the
consultation's. ``scene`` has the plan, its components, the users and what came before.

- ``table_objective`` ► ``table_measure`` ► ``table_activity``: component A's draft (edited,
  moved, deleted, given source ideas: only the coordinator and superusers may);
- ``empty_objective``: an objective of component A without measures (the delete row);
- ``objective_b`` ► ``measure_b``: component B's draft, to which new measures and activities
  are added — its leader (``other_component_leader``) may.
"""

import datetime
from decimal import Decimal

from bashke.drafting.services import activities, table


def build(scene):
    plan, agency = scene.plan, scene.agency
    objective = table.create_objective(scene.component, actor=None,
                                       title_sq="Rritja e aksesit në shërbime",
                                       title_en="Increasing access to services")
    measure = table.create_measure(objective, actor=None, title_sq="Ngritja e portalit",
                                   title_en="Establishing the portal", lead_institution=agency)
    activity = activities.create_activity(
        measure, actor=None, title_en="Publishing the portal's first services",
        responsible=agency, start=plan.start, end=plan.start + datetime.timedelta(days=180),
        cost=Decimal("1200"), state_budget=Decimal("1000"), indicator_en="Services online",
        target_en="Ten services")
    empty = table.create_objective(scene.component, actor=None, title_en="Reducing waiting "
                                   "times at the counters")
    objective_b = table.create_objective(scene.other_component, actor=None,
                                         title_en="Improving legal aid")
    measure_b = table.create_measure(objective_b, actor=None,
                                     title_en="Opening legal aid offices")
    return {"table_objective": objective, "table_measure": measure, "table_activity": activity,
            "empty_objective": empty, "objective_b": objective_b, "measure_b": measure_b}

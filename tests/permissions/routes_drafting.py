"""Requests for the matrix rows of the section on drafting (docs/permissions-matrix.md)."""

from .routes import Spec, on, plan  # noqa: F401


def _version(name):
    return lambda s: {"version": getattr(s, name).version}


def _activity_body(s, **overrides):
    body = {"title_sq": "Hapja e zyrës", "title_en": "Opening the office", "responsible": "",
            "start": s.plan.start.isoformat(), "end": s.plan.end.isoformat(), "cost": "500,50",
            "state_budget": "200", "foreign_financing": "", "indicator_en": "Offices open",
            "target_en": "One office", "version": 0}
    body.update(overrides)
    return body


def _measure_body(s, **overrides):
    body = {"title_sq": "Ngritja e zyrave", "title_en": "Opening offices", "version": 0,
            "ogp_id": "", "lead_institution": s.agency.pk}
    body.update(overrides)
    return body


ROUTES = {
    "drafting:table GET": Spec(plan),
    "drafting:smart_report GET": Spec(plan),
    "drafting:measure GET": Spec(on("table_measure")),
    "drafting:objective_create GET": Spec(lambda s: {"slug": s.plan.slug,
                                                     "component": s.other_component.pk}),
    "drafting:objective_create POST": Spec(
        lambda s: {"slug": s.plan.slug, "component": s.other_component.pk},
        data=lambda s: {"title_sq": "Përmirësimi i aksesit", "title_en": "Improving access",
                        "version": 0}),
    "drafting:objective_edit GET": Spec(on("table_objective")),
    "drafting:objective_edit POST": Spec(on("table_objective"), data=lambda s: {
        "title_sq": "Rritja e aksesit", "title_en": "Increasing access (changed)",
        "version": s.table_objective.version}),
    "drafting:objective_delete POST": Spec(on("empty_objective"),
                                           data=_version("empty_objective")),
    "drafting:objective_move POST": Spec(on("table_objective"),
                                         data=lambda s: {"direction": "down"}),
    "drafting:measure_create GET": Spec(on("objective_b")),
    "drafting:measure_create POST": Spec(on("objective_b"), data=_measure_body),
    "drafting:measure_edit GET": Spec(on("table_measure")),
    "drafting:measure_edit POST": Spec(on("table_measure"), data=lambda s: _measure_body(
        s, title_en="Establishing the portal (changed)", version=s.table_measure.version)),
    "drafting:measure_delete POST": Spec(on("table_measure"), data=_version("table_measure")),
    "drafting:measure_move POST": Spec(on("table_measure"), data=lambda s: {"direction": "up"}),
    "drafting:measure_sources GET": Spec(on("table_measure")),
    "drafting:measure_sources POST": Spec(on("table_measure"), data=lambda s: {
        "ideas": [s.idea.pk], "version": s.table_measure.version}),
    "drafting:activity_create GET": Spec(on("measure_b")),
    "drafting:activity_create POST": Spec(on("measure_b"), data=_activity_body),
    "drafting:activity_edit GET": Spec(on("table_activity")),
    "drafting:activity_edit POST": Spec(on("table_activity"), data=lambda s: _activity_body(
        s, title_en="Opening the office (changed)", version=s.table_activity.version)),
    "drafting:activity_delete POST": Spec(on("table_activity"),
                                          data=_version("table_activity")),
    "drafting:activity_move POST": Spec(on("table_activity"),
                                        data=lambda s: {"direction": "down"}),
    "drafting:activity_sources GET": Spec(on("table_activity")),
    "drafting:activity_sources POST": Spec(on("table_activity"), data=lambda s: {
        "ideas": [s.idea.pk], "version": s.table_activity.version}),
    "GET /api/v1/plans/{slug}/action-plan": Spec(plan),
    "GET /api/v1/measures/{measure_id}": Spec(lambda s: {"measure_id": s.table_measure.pk}),
    "POST /api/v1/measures/{measure_id}/activities": Spec(
        lambda s: {"measure_id": s.measure_b.pk}, json=True, data=lambda s: {
            "title_en": "Opening an office in Shkodër", "start": s.plan.start.isoformat(),
            "end": s.plan.end.isoformat(), "cost": "300.50"}),
    "PATCH /api/v1/activities/{activity_id}": Spec(
        lambda s: {"activity_id": s.table_activity.pk}, json=True, data=lambda s: {
            "version": s.table_activity.version, "title_en": "Publishing twelve services"}),
}

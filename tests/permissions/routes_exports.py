"""Requests for the matrix rows of the section on exports (docs/permissions-matrix.md)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from .routes import Spec, on, plan  # noqa: F401


def _measure(s):
    return {"slug": s.plan.slug, "number": s.export_measure_number}


def _table_upload(s):
    return {"file": SimpleUploadedFile("table.xlsx", s.export_xlsx)}


ROUTES = {
    "exports:action_plan_docx GET": Spec(plan, query="lang=sq"),
    "exports:action_plan_xlsx GET": Spec(plan, query="lang=en"),
    "exports:commitments_docx GET": Spec(plan),
    "exports:commitment_docx GET": Spec(_measure),
    "exports:commitments_csv GET": Spec(plan),
    "exports:commitments_json GET": Spec(plan),
    "exports:import_table GET": Spec(plan),
    "exports:import_table POST": Spec(plan, data=_table_upload),
    "GET /api/v1/plans/{slug}/export/action-plan.docx": Spec(plan, query="lang=en"),
    "GET /api/v1/plans/{slug}/export/action-plan.xlsx": Spec(plan, query="lang=sq"),
    "GET /api/v1/plans/{slug}/export/commitments.docx": Spec(plan),
    "GET /api/v1/plans/{slug}/export/commitments/{number}.docx": Spec(_measure),
    "GET /api/v1/plans/{slug}/export/commitments.csv": Spec(plan),
    "GET /api/v1/plans/{slug}/export/commitments.json": Spec(plan),
}

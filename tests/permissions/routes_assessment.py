"""Requests for the matrix rows of the section on assessment (docs/permissions-matrix.md)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from bashke.assessment.services import offline_sheet

from .routes import Spec, on, plan


def criterion_body(s):
    return {"version": s.sheet.version, "title_en": "Gender equality",
            "title_sq": "Barazia gjinore", "group_en": "", "group_sq": "", "guidance_en": "",
            "guidance_sq": "", "weight": "1"}


def scale_body(s):
    return {"version": s.sheet.version, "scale_min": "0", "scale_max": "5",
            "disagreement_margin": "1"}


def version(s):
    return {"version": s.sheet.version}


def scoring_body(s):
    data = {"version": "0", "action": "save"}
    for criterion in s.sheet.criteria.all():
        data[f"{criterion.code}-meets"] = "yes"
        data[f"{criterion.code}-score"] = "2"
        data[f"{criterion.code}-evidence"] = "Clear actions."
    return data


def filled_sheet(s):
    """The assessor's downloaded sheet, with one score given."""
    book = load_workbook(io.BytesIO(offline_sheet.build_workbook(s.sheet, s.users["assessor"])))
    ws = book[offline_sheet.SHEET]
    row = next(cell.row for cell in ws["A"] if cell.value == s.idea.pk)
    ws.cell(row=row, column=offline_sheet.keys(list(s.sheet.criteria.all()))
            .index("specific:score") + 1, value=2)
    out = io.BytesIO()
    book.save(out)
    return {"file": SimpleUploadedFile("assessment.xlsx", out.getvalue())}


def api_scores(s):
    return {"version": 0, "scores": [{"criterion": "specific", "meets": "yes", "score": 2,
                                      "evidence": "Clear."}]}


ROUTES = {
    "assessment:criteria GET": Spec(plan),
    "assessment:criteria_scale GET": Spec(plan),
    "assessment:criteria_scale POST": Spec(plan, data=scale_body),
    "assessment:criterion_add GET": Spec(plan),
    "assessment:criterion_add POST": Spec(plan, data=criterion_body),
    "assessment:criterion_edit GET": Spec(on("criterion")),
    "assessment:criterion_edit POST": Spec(on("criterion"), data=criterion_body),
    "assessment:criterion_remove POST": Spec(on("criterion"), data=version),
    "assessment:criterion_move POST": Spec(on("criterion"), data=lambda s: {
        **version(s), "direction": "down"}),
    "assessment:criteria_status POST": Spec(plan, data=lambda s: {
        **version(s), "action": "close"}),
    "assessment:assessors GET": Spec(plan),
    "assessment:assessors POST": Spec(plan, data=lambda s: {
        "email": "ngo@example.org", "component": s.component.pk, "person": ""}),
    "assessment:assessor_remove POST": Spec(on("assessor_role"), data=lambda s: {}),
    "assessment:my_assessments GET": Spec(plan),
    "assessment:sheet_download GET": Spec(plan),
    "assessment:sheet_upload GET": Spec(plan),
    "assessment:sheet_upload POST": Spec(plan, data=filled_sheet),
    "assessment:assess GET": Spec(on("idea")),
    "assessment:assess POST": Spec(on("idea"), data=scoring_body),
    "assessment:idea_scores GET": Spec(on("idea")),
    "assessment:ranking GET": Spec(plan),
    "GET /api/v1/plans/{slug}/criteria": Spec(plan),
    "GET /api/v1/plans/{slug}/assessments": Spec(plan),
    "POST /api/v1/ideas/{idea_id}/assessment": Spec(lambda s: {"idea_id": s.idea.pk},
                                                    json=True, data=api_scores),
}

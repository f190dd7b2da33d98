"""Downloads of the action plan through the API: the table as .docx and .xlsx, OGP's
commitment template, and the commitments as CSV and JSON in OGP's columns — the same files
as the plan's downloads panel, from the same writers (``bashke.exports``).

``?lang=sq|en`` chooses the document's language (without it, Accept-Language, else
Albanian); ``?version=N`` a frozen version instead of the table as it is now. An unknown
plan, version or measure is a 404; a language other than sq or en a 422.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, Language
from bashke.exports import commitment_docx, commitments_data, plan_docx, plan_xlsx, source

router = Router(tags=["exports"])


class ExportQuery(Schema):
    lang: Language | None = Field(None, description="Language of the document (`sq` or "
                                                    "`en`); without it, Accept-Language "
                                                    "decides, else Albanian.")
    version: Id | None = Field(None, description="A frozen version's number; without it, "
                                                 "the table as it is now.")


def _binary(content_type, description):
    # Keyed 200 as an int, like ninja's own keys, so the two are merged in the document.
    return {"responses": {200: {"description": description, "content": {
        content_type: {"schema": {"type": "string", "format": "binary"}}}}}}


def _source(request, response, slug, query):
    plan = source.plan_or_none(slug)
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    language = language_of(request, response, query.lang)
    with translation.override(language):
        try:
            return source.source(plan, version=query.version, language=language)
        except source.NotFound as error:
            raise HttpError(404, str(error)) from None


def _file(found, content, kind, filename):
    response = HttpResponse(content, content_type=source.MIME[kind])
    response["Content-Language"] = found.language
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/plans/{slug}/export/action-plan.docx", response={200: None, 404: Error},
            summary="The action plan table as a Word document",
            operation_id="export_action_plan_docx",
            openapi_extra=_binary(source.MIME["docx"], "The table (.docx), landscape"))
def action_plan_docx(request: HttpRequest, slug: str, query: Query[ExportQuery]):
    """The seed's table: Nr., activity, responsible and other responsible institutions,
    start, end, indicative cost, state budget, foreign financing and financing gap (thousand
    lek), with a row for each policy goal, specific objective and measure, and the totals."""
    found = _source(request, HttpResponse(), slug, query)
    return _file(found, plan_docx.build(found), "docx", found.filename("action-plan", "docx"))


@router.get("/plans/{slug}/export/action-plan.xlsx", response={200: None, 404: Error},
            summary="The action plan table as an Excel workbook",
            operation_id="export_action_plan_xlsx",
            openapi_extra=_binary(source.MIME["xlsx"], "The table (.xlsx), with formulas"))
def action_plan_xlsx(request: HttpRequest, slug: str, query: Query[ExportQuery]):
    """The same table, with the financing gap and every total as formulas and two hidden
    columns (each row's item and its version) by which a filled table is imported back."""
    found = _source(request, HttpResponse(), slug, query)
    return _file(found, plan_xlsx.build(found), "xlsx", found.filename("action-plan", "xlsx"))


@router.get("/plans/{slug}/export/commitments.docx", response={200: None, 404: Error},
            summary="OGP's commitment template for every measure",
            operation_id="export_commitments_docx",
            openapi_extra=_binary(source.MIME["docx"], "The template, one measure a page"))
def commitments_docx(request: HttpRequest, slug: str, query: Query[ExportQuery]):
    found = _source(request, HttpResponse(), slug, query)
    return _file(found, commitment_docx.build(found, found.table.measures()), "docx",
                 found.filename("commitments", "docx"))


@router.get("/plans/{slug}/export/commitments/{number}.docx", response={200: None, 404: Error},
            summary="OGP's commitment template for one measure",
            operation_id="export_commitment_docx",
            openapi_extra=_binary(source.MIME["docx"], "The template of the measure"))
def commitment_docx_one(request: HttpRequest, slug: str, number: str,
                        query: Query[ExportQuery]):
    """``number`` is the measure's number in the table, such as `1.2`."""
    found = _source(request, HttpResponse(), slug, query)
    measure = next((m for m in found.table.measures() if m.number == number), None)
    if measure is None:
        raise HttpError(404, f"The plan has no measure {number}.")
    return _file(found, commitment_docx.build(found, [measure]), "docx",
                 found.filename("commitment", "docx", suffix=f"-{number}"))


@router.get("/plans/{slug}/export/commitments.csv", response={200: None, 404: Error},
            summary="The plan's commitments in OGP's columns (CSV)",
            operation_id="export_commitments_csv",
            openapi_extra=_binary("text/csv", "UTF-8 with a byte-order mark"))
def commitments_csv(request: HttpRequest, slug: str, query: Query[ExportQuery]):
    """One row per measure; the columns and how they map are in docs/exports.md."""
    found = _source(request, HttpResponse(), slug, query)
    return _file(found, commitments_data.to_csv(found), "csv",
                 found.filename("commitments", "csv"))


@router.get("/plans/{slug}/export/commitments.json", response={200: None, 404: Error},
            summary="The plan's commitments in OGP's columns (JSON)",
            operation_id="export_commitments_json",
            openapi_extra={"responses": {200: {"description": "The commitments", "content": {
                "application/json": {"schema": {"type": "object"}}}}}})
def commitments_json(request: HttpRequest, slug: str, query: Query[ExportQuery]):
    """``columns`` maps each key to OGP's column name; ``commitments`` has one object per
    measure, amounts as decimal strings, OGP's value flags as booleans."""
    found = _source(request, HttpResponse(), slug, query)
    return _file(found, commitments_data.to_json(found), "json",
                 found.filename("commitments", "json"))

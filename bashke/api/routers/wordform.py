"""The idea form in Word: download it blank, and read a filled one without saving anything
(the same parser as the upload page, so a tool can check a form before sending it)."""

from datetime import timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, File, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Language
from bashke.consultation.services import wordform as services
from bashke.consultation.wordform import generate
from bashke.consultation.wordform.safety import MAX_BYTES
from bashke.core import ratelimit
from bashke.core.web import client_ip
from bashke.plans.models import ActionPlan

router = Router(tags=["word form"])
PARSES_PER_HOUR = 60


class FormQuery(Schema):
    lang: Language | None = Field(None, description="Language of the form (`sq` or `en`); "
                                                    "without it, Accept-Language decides.")


class Answers(Schema):
    title: str
    language: str
    overall_idea: str
    problem: str
    solution: str
    objective_impact: str
    beneficiaries: str
    improves_transparency: bool | None
    transparency_explanation: str
    improves_participation: bool | None
    participation_explanation: str
    improves_accountability: bool | None
    accountability_explanation: str
    improves_technology: bool | None
    technology_explanation: str
    other_agencies: str = Field(..., description="Question 7 as written, names separated "
                                                 "by '; '.")
    goal: str = Field(..., description="The policy goal as written or ticked.")
    component: str = Field(..., description="The component as written or ticked.")
    submitter_name: str
    organisation: str
    publish_name: bool | None = Field(..., description="Consent to publish the name.")


class Matched(Schema):
    goal: int | None = Field(..., description="Id of the policy goal the form names.")
    component: int | None = Field(..., description="Id of the component the form names.")
    agencies: list[int] = Field(..., description="Ids of the institutions named in question 7.")
    other_agencies: str = Field(..., description="Agencies named that match no institution.")


class ReadWarning(Schema):
    code: str
    field: str | None = None
    message: str


class FormTemplate(Schema):
    version: int
    plan: str
    language: str


class ParsedOut(Schema):
    file_name: str
    source: str = Field(..., description="`template` for the idea form; `other` for a "
                                         "document read by its question numbers.")
    template: FormTemplate | None
    answers: Answers
    matched: Matched
    agency_names: list[str]
    unanswered: list[str] = Field(..., description="Questions without an answer.")
    warnings: list[ReadWarning]


@router.get("/plans/{slug}/ideas/form.docx", response={200: None, 404: Error},
            summary="The idea form as a Word document", operation_id="get_idea_form_docx",
            # Keyed 200 as an int, like ninja's own keys, so the two are merged: a "200"
            # string beside the int 200 would repeat the key in the JSON document.
            openapi_extra={"responses": {200: {
                "description": "The form (.docx)",
                "content": {generate.MIME_TYPE: {"schema": {"type": "string",
                                                            "format": "binary"}}}}}})
def idea_form_docx(request: HttpRequest, slug: str, query: Query[FormQuery]):
    """The plan's idea form to fill in Word: its goals and components, the seed's seven
    questions with their prompts, in Albanian or English."""
    plan = services.plan_for_forms(ActionPlan.objects).filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    response = HttpResponse(content_type=generate.MIME_TYPE)
    language = language_of(request, response, query.lang)
    response.content = generate.build(plan, language)
    response["Content-Disposition"] = (f'attachment; filename="{plan.slug}-idea-form-'
                                       f'{language}.docx"')
    return response


@router.post("/plans/{slug}/ideas/parse-docx",
             response={200: ParsedOut, 404: Error, 422: Error, 429: Error},
             summary="Read a filled idea form without saving it", operation_id="parse_docx")
def parse_docx(request: HttpRequest, response: HttpResponse, slug: str,
               file: File[UploadedFile], query: Query[FormQuery]):
    """Reads the answers of a filled idea form (multipart, field `file`, a .docx of at most
    10 MB) as the upload page does, and saves nothing. A file that is not a .docx, is
    damaged, password-protected, too large or expands too far is refused with 422 and a
    message saying why."""
    plan = services.plan_for_forms(ActionPlan.objects).filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    verdict = ratelimit.hit(f"wordform-api:ip:{client_ip(request)}", limit=PARSES_PER_HOUR,
                            per=timedelta(hours=1))
    if not verdict.allowed:
        raise HttpError(429, f"Too many forms read from this address; try again in "
                             f"{verdict.retry_after_minutes} minutes.")
    with translation.override(language_of(request, response, query.lang)):
        if file.size > MAX_BYTES:
            raise HttpError(422, f"{file.name} is too large: the limit is "
                                 f"{MAX_BYTES // (1024 * 1024)} MB.")
        try:
            parsed = services.read_upload(plan, file)
        except DjangoValidationError as error:
            raise HttpError(422, " ".join(error.messages)) from None
        parsed["warnings"] = [{"code": w.get("code", ""), "field": w.get("field"),
                               "message": services.describe(w)} for w in parsed["warnings"]]
        return {"file_name": file.name, **parsed}

"""The API for versions of the action plan: the list, one version's table (numbers and
totals as frozen), the comparison of any two, and the public comments — read by anyone,
written by authenticated people while a version is open for comment.

Amounts are exact decimals in thousand lek, written as strings ("1250.50") so that no client
reads them through a float. Queries are fixed per request, whatever the size of the table.
"""

import datetime
import decimal
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from bashke.api.auth import BearerToken
from bashke.api.idempotency import idempotent
from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Language, LanguageQuery, Limit, Offset, ValidationErrorOut
from bashke.consultation.services.limits import TooManySubmissions
from bashke.core.web import client_ip
from bashke.drafting import compare as comparing
from bashke.drafting import tree
from bashke.drafting.models import PlanVersion, VersionComment, VersionStatus
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan

router = Router(tags=["versions"])
VersionNumber = Annotated[int, Field(ge=1, le=2**31 - 1)]



class Page(Schema):
    limit: Limit = 50
    offset: Offset = 0


# Schemas -------------------------------------------------------------------------------------

class VersionMoneyOut(Schema):
    cost: str
    state_budget: str
    foreign_financing: str
    gap: str


class VersionInstitutionRefOut(Schema):
    id: int
    name_sq: str
    name_en: str
    acronym: str


class VersionActivityOut(Schema):
    id: int
    number: str
    title_sq: str
    title_en: str
    responsible: VersionInstitutionRefOut | None
    other_responsible: list[VersionInstitutionRefOut]
    start: datetime.date | None
    end: datetime.date | None
    cost: str | None
    state_budget: str | None
    foreign_financing: str | None
    gap: str | None = Field(..., description="Cost − state budget − foreign financing; null "
                                             "while the cost is unknown.")
    indicator_sq: str
    indicator_en: str
    target_sq: str
    target_en: str
    source_ideas: list[int]


class MeasureOut(Schema):
    id: int
    number: str
    title_sq: str
    title_en: str
    ogp_id: str
    lead_institution: VersionInstitutionRefOut | None
    other_government_actors: str
    civil_society_actors: str
    private_sector_actors: str
    texts: dict[str, str] = Field(..., description="The OGP commitment template's texts, "
                                                   "`<field>_<sq|en>`.")
    source_ideas: list[int]
    activities: list[VersionActivityOut]
    totals: VersionMoneyOut


class VersionObjectiveOut(Schema):
    id: int
    number: str
    title_sq: str
    title_en: str
    description_sq: str
    description_en: str
    component_id: int
    measures: list[MeasureOut]
    totals: VersionMoneyOut


class VersionGoalOut(Schema):
    id: int
    number: int
    numeral: str
    title_sq: str
    title_en: str
    objectives: list[VersionObjectiveOut]
    totals: VersionMoneyOut


class TableOut(Schema):
    start: datetime.date
    end: datetime.date
    goals: list[VersionGoalOut]
    totals: VersionMoneyOut


class EndorsementOut(Schema):
    id: int
    decided_on: datetime.date
    title: str


class VersionSummary(Schema):
    number: int
    url: str
    status: VersionStatus
    status_label: str
    note: str
    frozen_at: datetime.datetime
    comments_open_from: datetime.date | None
    comments_open_until: datetime.date | None
    open_for_comment: bool = Field(..., description="Published and today within the window.")
    comment_count: int
    endorsement: EndorsementOut | None
    approved_by_body: str
    approved_on: datetime.date | None
    decision_reference: str
    decision_document_url: str | None


class VersionDetail(VersionSummary):
    table: TableOut


class VersionList(Schema):
    plan: str
    items: list[VersionSummary]


class FieldChangeOut(Schema):
    field: str
    label: str
    old: Any = Field(..., description="Amounts as strings, dates as ISO days, institutions "
                                      "by id and name.")
    new: Any


class RowChangeOut(Schema):
    key: str = Field(..., description="`objective:<id>`, `measure:<id>` or `activity:<id>`.")
    kind: str
    status: str = Field(..., description="added, removed or changed.")
    number: str
    old_number: str | None
    title: str
    changes: list[FieldChangeOut]


class ComparisonOut(Schema):
    first: int
    second: int
    added: int
    removed: int
    changed: int
    totals: list[FieldChangeOut]
    rows: list[RowChangeOut]


class VersionCommentOut(Schema):
    id: int
    row: str
    author: str | None = Field(..., description="The author's public name; null once hidden.")
    body: str = Field(..., description="Empty once hidden by the moderators.")
    language: str
    created_at: datetime.datetime
    hidden: bool
    hidden_reason: str


class CommentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[VersionCommentOut]


class CommentIn(Schema):
    row: str = Field(..., max_length=40, description="The row's key, e.g. `measure:12`.")
    body: str = Field(..., max_length=services.COMMENT_MAX)
    language: Language = "sq"


# Writing out ---------------------------------------------------------------------------------

def _amount(value):
    return None if value is None else str(value)


def table_data(table) -> dict:
    """The snapshot's own data (amounts and dates as strings), with what it derives: each
    activity's financing gap and each goal's Roman numeral."""
    data = tree.to_json(table)
    for goal_data, goal in zip(data["goals"], table.goals, strict=True):
        goal_data["numeral"] = goal.numeral
        for objective_data, objective in zip(goal_data["objectives"], goal.objectives,
                                             strict=True):
            for measure_data, measure in zip(objective_data["measures"], objective.measures,
                                             strict=True):
                for activity_data, activity in zip(measure_data["activities"],
                                                   measure.activities, strict=True):
                    activity_data["gap"] = _amount(activity.gap)
    return data


def _summary(request, version) -> dict:
    slug = version.plan.slug
    document = None
    if version.decision_document:
        document = request.build_absolute_uri(reverse(
            "drafting:version_document", kwargs={"slug": slug, "number": version.number}))
    endorsement = version.endorsement
    return {
        "number": version.number,
        "url": request.build_absolute_uri(reverse(
            "drafting:version", kwargs={"slug": slug, "number": version.number})),
        "status": version.status, "status_label": version.get_status_display(),
        "note": version.note, "frozen_at": version.frozen_at,
        "comments_open_from": version.comments_open_from,
        "comments_open_until": version.comments_open_until,
        "open_for_comment": version.open_for_comment(today()),
        "comment_count": version.comment_count,
        "endorsement": None if endorsement is None else {
            "id": endorsement.pk, "decided_on": endorsement.decided_on,
            "title": endorsement.title},
        "approved_by_body": version.approved_by_body, "approved_on": version.approved_on,
        "decision_reference": version.decision_reference,
        "decision_document_url": document,
    }


def _plain(value):
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tree.InstitutionRef):
        return {"id": value.id, "name": value.name}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _change(change):
    return {"field": change.field, "label": comparing.label(change.field),
            "old": _plain(change.old), "new": _plain(change.new)}


def _comment(item):
    hidden = item.is_hidden
    return {"id": item.pk, "row": item.row, "language": item.language,
            "author": None if hidden or item.author is None else item.author.public_name,
            "body": "" if hidden else item.body, "created_at": item.created_at,
            "hidden": hidden, "hidden_reason": item.hidden_reason}


# Finding -------------------------------------------------------------------------------------

def _versions(slug):
    plan = ActionPlan.objects.filter(slug=slug).only("pk", "slug").first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    return plan, (PlanVersion.objects.for_plan(plan).select_related("plan", "endorsement")
                  .annotate(comment_count=Count("comments")))


def _version(request, slug, number, *, snapshot=True):
    _plan, versions = _versions(slug)
    if not snapshot:
        versions = versions.defer("snapshot")
    version = versions.filter(number=number).first()
    if version is None:
        raise HttpError(404, f"The plan '{slug}' has no version {number}.")
    ask(request, "drafting.view_version", version)
    return version


# Operations ----------------------------------------------------------------------------------

@router.get("/plans/{slug}/versions", response={200: VersionList, 404: Error,
                                                 422: ValidationErrorOut},
            summary="Versions of a plan's action plan", operation_id="list_plan_versions")
def list_versions(request: HttpRequest, response: HttpResponse, slug: str,
                  query: Query[LanguageQuery]):
    """Every frozen version, oldest first: its status, the comment window, the forum's
    endorsement and the approval with a link to the decision document."""
    plan, versions = _versions(slug)
    ask(request, "drafting.view_version", plan)
    with translation.override(language_of(request, response, query.lang)):
        items = [_summary(request, v) for v in versions.defer("snapshot").order_by("number")]
    return {"plan": plan.slug, "items": items}


@router.get("/plans/{slug}/versions/{number}",
            response={200: VersionDetail, 404: Error, 422: ValidationErrorOut},
            summary="One version of the action plan, with its table",
            operation_id="get_plan_version")
def get_version(request: HttpRequest, response: HttpResponse, slug: str,
                number: VersionNumber, query: Query[LanguageQuery]):
    """The version and its table as frozen: policy goals, specific objectives, measures and
    activities with their numbers, and the money rolled up at every level."""
    version = _version(request, slug, number)
    with translation.override(language_of(request, response, query.lang)):
        return {**_summary(request, version),
                "table": table_data(tree.from_json(version.snapshot))}


@router.get("/plans/{slug}/versions/{first}/compare/{second}",
            response={200: ComparisonOut, 404: Error, 422: ValidationErrorOut},
            summary="What changed between two versions", operation_id="compare_plan_versions")
def compare_versions(request: HttpRequest, response: HttpResponse, slug: str,
                     first: VersionNumber, second: VersionNumber, query: Query[LanguageQuery]):
    """Rows added, removed and changed from the first version to the second, each change
    with its field, old and new value; and the plan's totals that changed."""
    old, new = _version(request, slug, first), _version(request, slug, second)
    comparison = comparing.compare(tree.from_json(old.snapshot), tree.from_json(new.snapshot))
    with translation.override(language_of(request, response, query.lang)):
        return {
            "first": first, "second": second, "added": comparison.added,
            "removed": comparison.removed, "changed": comparison.changed,
            "totals": [_change(c) for c in comparison.totals],
            "rows": [{"key": row.key, "kind": row.kind, "status": row.status,
                      "number": row.number,
                      "old_number": row.old.number if row.old is not None else None,
                      "title": row.item.title, "changes": [_change(c) for c in row.changes]}
                     for row in comparison.differences],
        }


@router.get("/plans/{slug}/versions/{number}/comments",
            response={200: CommentPage, 404: Error, 422: ValidationErrorOut},
            summary="Public comments on a version", operation_id="list_version_comments")
def list_comments(request: HttpRequest, slug: str, number: VersionNumber, query: Query[Page]):
    """Oldest first. A hidden comment keeps its place with the moderators' reason, without
    its text or author."""
    version = _version(request, slug, number, snapshot=False)
    comments = VersionComment.objects.filter(version=version).for_page()
    count = comments.count()
    items = [_comment(c) for c in comments[query.offset:query.offset + query.limit]]
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


@router.post("/plans/{slug}/versions/{number}/comments", auth=BearerToken(),
             response={201: VersionCommentOut, 403: Error, 404: Error, 409: Error, 422: Error,
                       429: Error},
             summary="Comment on a measure or activity of a version",
             operation_id="comment_on_version")
@idempotent
def post_comment(request: HttpRequest, slug: str, number: VersionNumber, payload: CommentIn):
    """While the version is published for comment and today is within its window (else
    409); the row must be a measure or activity of this version (422); an account that
    comments too often is asked to wait (429). With an `Idempotency-Key` header a retry
    returns the first answer instead of a second comment."""
    version = _version(request, slug, number)
    try:
        item = services.comment(version, payload.row, actor=request.user, body=payload.body,
                                language=payload.language, client_address=client_ip(request))
    except services.CommentsClosed as error:
        raise HttpError(409, " ".join(error.messages)) from None
    except TooManySubmissions as error:
        raise HttpError(429, " ".join(error.messages)) from None
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except DjangoValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None
    return Status(201, _comment(item))

"""The action plan table: the plan's hierarchy (policy goal ► specific objective ► measure ►
activity) with its numbers, money rolled up at every level and the SMART warnings, read
through ``drafting.tree`` in a fixed number of queries; one measure with OGP's commitment
template fields; and, for those who draft a component, adding and changing activities.

Amounts are thousand lek, exact decimals, sent and returned as strings ("1250.50"). A change
carries the activity's ``version`` as the client read it: a newer saved version answers 409
with the saved activity, never a silent overwrite.
"""


from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from bashke.api.auth import BearerToken
from bashke.api.idempotency import idempotent
from bashke.api.permissions import ask
from bashke.api.routers.drafting_schemas import (
    ActionPlanOut,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    MeasureDetail,
)
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, LanguageQuery
from bashke.drafting import smart, tree
from bashke.drafting.models import Activity, Measure
from bashke.drafting.services import activities as services
from bashke.drafting.services.table import Conflict
from bashke.plans.models import ActionPlan, Institution

router = Router(tags=["drafting"])



TEXTS = ("title_sq", "title_en", "indicator_sq", "indicator_en", "target_sq", "target_en")


class ConflictOut(Schema):
    detail: str
    saved: ActivityOut


# Reading -----------------------------------------------------------------------------------

def _money(money):
    return {"cost": money.cost, "state_budget": money.state_budget,
            "foreign_financing": money.foreign_financing, "gap": money.gap}


def _institution(ref):
    if ref is None:
        return None
    return {"id": ref.id, "name": ref.name, "name_sq": ref.name_sq, "name_en": ref.name_en,
            "acronym": ref.acronym}


def _warnings(report, key):
    return [{"criterion": w.criterion, "label": str(w.label), "message": str(w.message)}
            for w in report.of(key)]


def _activity(activity, report):
    return {
        "id": activity.id, "number": activity.number, "version": activity.version,
        "title": activity.title, "title_sq": activity.title_sq, "title_en": activity.title_en,
        "responsible": _institution(activity.responsible),
        "other_responsible": [_institution(i) for i in activity.other_responsible],
        "start": activity.start, "end": activity.end, "cost": activity.cost,
        "state_budget": activity.state_budget, "foreign_financing": activity.foreign_financing,
        "financing_gap": activity.gap, "indicator_sq": activity.indicator_sq,
        "indicator_en": activity.indicator_en, "target_sq": activity.target_sq,
        "target_en": activity.target_en, "source_ideas": activity.source_ideas,
        "warnings": _warnings(report, f"activity:{activity.id}"),
    }


def _measure(measure, report):
    return {
        "id": measure.id, "number": measure.number, "version": measure.version,
        "ogp_id": measure.ogp_id, "title": measure.title, "title_sq": measure.title_sq,
        "title_en": measure.title_en, "lead_institution": _institution(measure.lead_institution),
        "totals": _money(measure.totals), "warnings": _warnings(report, f"measure:{measure.id}"),
        "activities": [_activity(a, report) for a in measure.activities],
    }


def _plan(slug):
    plan = ActionPlan.objects.filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    return plan


@router.get("/plans/{slug}/action-plan", response={200: ActionPlanOut, 404: Error},
            summary="The action plan table of a plan", operation_id="get_action_plan")
def get_action_plan(request: HttpRequest, response: HttpResponse, slug: str,
                    query: Query[LanguageQuery]):
    """Every policy goal, specific objective, measure and activity in the table's order,
    numbered as the table numbers them, with the money rolled up and the SMART warnings."""
    plan = _plan(slug)
    ask(request, "drafting.view_table", plan)
    table = tree.build(plan)
    report = smart.check(table)
    slugs = {c.id: c.slug for goal in table.goals for c in goal.components}
    with translation.override(language_of(request, response, query.lang)):
        return {
            "plan": plan.slug, "start": plan.start, "end": plan.end,
            "totals": _money(table.totals), "warnings": report.count,
            "goals": [{
                "number": goal.number, "numeral": goal.numeral, "title": goal.title,
                "title_sq": goal.title_sq, "title_en": goal.title_en,
                "totals": _money(goal.totals),
                "objectives": [{
                    "id": o.id, "number": o.number, "component": slugs[o.component_id],
                    "title": o.title, "title_sq": o.title_sq, "title_en": o.title_en,
                    "totals": _money(o.totals),
                    "measures": [_measure(m, report) for m in o.measures],
                } for o in goal.objectives],
            } for goal in table.goals],
        }


def _find(table, kind, item_id):
    for goal in table.goals:
        for objective in goal.objectives:
            for measure in objective.measures:
                if kind == "measure" and measure.id == item_id:
                    return objective, measure
                for activity in measure.activities:
                    if kind == "activity" and activity.id == item_id:
                        return measure, activity
    raise HttpError(404, f"No {kind} has the id {item_id}.")


def _measure_detail(measure_id, lang_request, response, lang):
    row = (Measure.objects.select_related("objective__component__goal__plan")
           .filter(pk=measure_id).first())
    if row is None:
        raise HttpError(404, f"No measure has the id {measure_id}.")
    plan = row.objective.component.goal.plan
    ask(lang_request, "drafting.view_table", plan)
    table = tree.build(plan)
    report = smart.check(table)
    objective, measure = _find(table, "measure", row.pk)
    with translation.override(language_of(lang_request, response, lang)):
        return {
            **_measure(measure, report), "plan": plan.slug, "objective": objective.id,
            "objective_number": objective.number, "component": row.objective.component.slug,
            "texts": measure.texts,
            "other_government_actors": measure.other_government_actors,
            "civil_society_actors": measure.civil_society_actors,
            "private_sector_actors": measure.private_sector_actors,
            "relevant_values": measure.relevant_values,
            "evidence_meeting": measure.evidence_meeting, "source_ideas": measure.source_ideas,
        }


@router.get("/measures/{measure_id}", response={200: MeasureDetail, 404: Error},
            summary="One measure (an OGP commitment)", operation_id="get_measure")
def get_measure(request: HttpRequest, response: HttpResponse, measure_id: Id,
                query: Query[LanguageQuery]):
    """The measure with its number in the plan, the fields of OGP's commitment template in
    both languages, its activities, source ideas and SMART warnings."""
    return _measure_detail(measure_id, request, response, query.lang)


# Writing -------------------------------------------------------------------------------------

def _activity_out(activity_id, request, response):
    row = Activity.objects.select_related("measure__objective__component__goal__plan").get(
        pk=activity_id)
    table = tree.build(row.measure.objective.component.goal.plan)
    _measure_row, activity = _find(table, "activity", activity_id)
    with translation.override(language_of(request, response, None)):
        return _activity(activity, smart.check(table))


def _fields(data: dict) -> dict:
    """The body as the service's keywords: institutions by id (an unknown id is a 422)."""
    fields = dict(data)
    if "responsible" in fields:
        responsible = fields["responsible"]
        fields["responsible"] = None if responsible is None else (
            Institution.objects.filter(pk=responsible).first())
        if responsible is not None and fields["responsible"] is None:
            raise HttpError(422, f"responsible: no institution has the id {responsible}.")
    if fields.get("other_responsible") is not None:
        ids = set(fields["other_responsible"])
        found = list(Institution.objects.filter(pk__in=ids))
        if len(found) != len(ids):
            missing = sorted(ids - {i.pk for i in found})
            raise HttpError(422, f"other_responsible: no institution has the id {missing[0]}.")
        fields["other_responsible"] = found
    return fields


def _refusal(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}"
                         for field, messages in error.message_dict.items())
    return " ".join(error.messages)


@router.post("/measures/{measure_id}/activities", auth=BearerToken(),
             response={201: ActivityOut, 403: Error, 404: Error, 422: Error},
             summary="Add an activity to a measure", operation_id="create_activity")
@idempotent
def create_activity(request: HttpRequest, response: HttpResponse, measure_id: Id,
                    payload: ActivityIn):
    """For the plan's coordinators and the component's leaders and technical secretariat.
    Refused with field messages (422) as the web form: negative amounts, more than two
    decimals, funding above the cost, dates outside the plan's period, an end before the
    start. With an `Idempotency-Key` a retry returns the first answer."""
    measure = (Measure.objects.select_related("objective__component__goal__plan")
               .filter(pk=measure_id).first())
    if measure is None:
        raise HttpError(404, f"No measure has the id {measure_id}.")
    ask(request, "drafting.edit_table", measure.objective.component,
        "Only the plan's coordinators and the component's leaders and technical secretariat "
        "draft this part of the action plan; once the plan has an approved version, nobody.")
    try:
        activity = services.create_activity(measure, actor=request.user,
                                            **_fields(payload.dict()))
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except DjangoValidationError as error:
        raise HttpError(422, _refusal(error)) from None
    return Status(201, _activity_out(activity.pk, request, response))


@router.patch("/activities/{activity_id}", auth=BearerToken(),
              response={200: ActivityOut, 403: Error, 404: Error, 409: ConflictOut,
                        422: Error},
              summary="Change an activity", operation_id="update_activity")
def update_activity(request: HttpRequest, response: HttpResponse, activity_id: Id,
                    payload: ActivityPatch):
    """Only the fields sent change. `version` is the one the client read: when someone has
    saved the activity since, the answer is 409 with the saved activity, to compare and
    send again with its version."""
    activity = (Activity.objects.select_related("measure__objective__component__goal__plan")
                .filter(pk=activity_id).first())
    if activity is None:
        raise HttpError(404, f"No activity has the id {activity_id}.")
    ask(request, "drafting.edit_table", activity.measure.objective.component,
        "Only the plan's coordinators and the component's leaders and technical secretariat "
        "draft this part of the action plan; once the plan has an approved version, nobody.")
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    for name in TEXTS:
        if name in data and data[name] is None:
            data[name] = ""
    try:
        services.update_activity(activity, actor=request.user, expected_version=version,
                                 **_fields(data))
    except Conflict as conflict:
        return Status(409, {"detail": str(conflict),
                            "saved": _activity_out(conflict.saved.pk, request, response)})
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except DjangoValidationError as error:
        raise HttpError(422, _refusal(error)) from None
    return _activity_out(activity.pk, request, response)

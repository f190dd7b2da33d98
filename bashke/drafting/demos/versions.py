"""Demo versions of the action plan. Albania's 2020–2022 plan (past): the draft put to
consultation in November 2020 as version 1, and version 2 approved by the Integrated Policy
Management Group in December 2020 with its decision as a PDF. The Korçë plan (in
co-creation today): a version published for public comment, with a few comments.

Idempotent: a plan that already has versions is left as it is. The table's demo
(``demos/table.py``) writes the rows first; a plan whose table is empty gets none here,
except Korçë, whose small draft is written here when nothing else wrote one."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from bashke.accounts.models import User
from bashke.core import audit
from bashke.core.links import absolute
from bashke.core.pdf import simple_pdf
from bashke.drafting import tree
from bashke.drafting.models import Activity, Measure, Objective, PlanVersion
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan, Institution

ACTOR = None  # the system, as every demo loader
GMIP_SQ = "Grupi i Menaxhimit të Integruar të Politikave (GMIP)"
FROZEN_V1 = datetime.date(2020, 11, 2)
FROZEN_V2 = datetime.date(2020, 12, 14)
APPROVED_ON = datetime.date(2020, 12, 23)


def load(out):
    albania = ActionPlan.objects.filter(slug="albania-2020-2022").first()
    if albania is not None:
        _albania(albania, out)
    korce = ActionPlan.objects.filter(slug__startswith="korce").order_by("number").first()
    if korce is not None:
        _korce(korce, out)


# Albania 2020–2022 -------------------------------------------------------------------------

def _albania(plan, out):
    if PlanVersion.objects.for_plan(plan).exists():
        return
    table = tree.build(plan)
    if not table.activities():
        out.write("Demo versions: the Albania 2020–2022 table is empty; no version frozen.")
        return
    scope = {plan.audit_scope: FROZEN_V1}
    with audit.dated(scopes=scope):
        _earlier_draft(plan, table)
    with audit.dated(scopes={plan.audit_scope: FROZEN_V2}):
        approved = services.freeze(plan, actor=ACTOR, note=(
            "Projekti përfundimtar pas konsultimit në faqen e OGP: kostoja dhe afatet e "
            "aktivitetit të fundit u rishikuan."))
    document = SimpleUploadedFile("vendimi-gmip.pdf", simple_pdf([
        "Republika e Shqiperise - Keshilli i Ministrave",
        "Grupi i Menaxhimit te Integruar te Politikave (GMIP)",
        "",
        "VENDIM (dokument demonstrues)",
        f"Data: {APPROVED_ON:%d.%m.%Y}",
        "",
        "Miratohet Plani Kombetar i Veprimit 2020-2022 i Partneritetit",
        "per Qeverisje te Hapur, versioni 2.",
    ]), content_type="application/pdf")
    with audit.dated(scopes={plan.audit_scope: APPROVED_ON}):
        services.approve(approved, actor=ACTOR, body=GMIP_SQ, approved_on=APPROVED_ON,
                         decision_reference="GMIP, mbledhja e 23 dhjetorit 2020",
                         decision_document=document)
    out.write("Demo versions: " + absolute(f"/sq/plans/{plan.slug}/action-plan/versions/"))


@transaction.atomic
def _earlier_draft(plan, table):
    """Version 1: the draft as consulted, which differed from the approved plan in its last
    activity (a lower cost, a later end). The table is changed for the freeze and put back,
    so the live table stays as the table's demo wrote it."""
    last = Activity.objects.get(pk=table.activities()[-1].id)
    kept = {"cost": last.cost, "end": last.end}
    draft = {"cost": (last.cost or Decimal("0")) * Decimal("0.8") if last.cost else None,
             "end": plan.end}
    Activity.objects.filter(pk=last.pk).update(**draft)
    services.freeze(plan, actor=ACTOR, note="Projektplani i publikuar për konsultim publik.")
    Activity.objects.filter(pk=last.pk).update(**kept)


# Korçë -------------------------------------------------------------------------------------

COMMENTS = [
    ("ngo@bashke.example", "measure", "sq",
     "Propozojmë që të dhënat të publikohen edhe në formatin CSV, jo vetëm PDF."),
    ("citizen@bashke.example", "activity", "sq",
     "Afati duket i shkurtër: a mund të shtyhet deri në fund të vitit?"),
    ("ngo@bashke.example", "activity", "en",
     "Please name the office responsible for answering requests."),
]


def _korce(plan, out):
    if PlanVersion.objects.for_plan(plan).exists():
        return
    if not Objective.objects.filter(component__goal__plan=plan).exists():
        _korce_table(plan)
    version = services.freeze(plan, actor=ACTOR, note="Projektplani për komente publike.")
    stages = services.consultation_stages(plan)
    day = today()
    current = next((s for s in stages if s.start <= day <= s.end), None)
    if current is None:
        return
    closes = min(current.end, day + datetime.timedelta(days=14))
    version = services.publish_for_comment(version, actor=ACTOR, opens=day, closes=closes)
    rows = services.row_keys(version)
    measures = [key for key in rows if key.startswith("measure:")]
    activities = [key for key in rows if key.startswith("activity:")]
    for email, kind, language, body in COMMENTS:
        person = User.objects.filter(email=email).first()
        keys = measures if kind == "measure" else activities
        if person is None or not keys:
            continue
        services.comment(version, keys[0], actor=person, body=body, language=language)
    out.write("Demo version for comment: " + absolute(
        f"/sq/plans/{plan.slug}/action-plan/versions/{version.number}/"))


def _korce_table(plan):
    component = plan.goals.order_by("number").first().components.order_by("position").first()
    municipality = Institution.objects.filter(acronym="BK").first()
    objective = Objective.objects.create(
        component=component, title_sq="Bashkia publikon të dhënat e saj të hapura",
        title_en="The municipality publishes its open data")
    measure = Measure.objects.create(
        objective=objective, title_sq="Portali i të dhënave të hapura të bashkisë",
        title_en="The municipality's open data portal", lead_institution=municipality,
        problem_sq="Të dhënat e bashkisë nuk publikohen në formate të ripërdorshme.",
        problem_en="The municipality's data is not published in reusable formats.")
    start = plan.start
    for position, (title_sq, title_en, months, cost) in enumerate([
        ("Inventari i të dhënave të bashkisë", "Inventory of the municipality's data", 4,
         Decimal("800")),
        ("Publikimi i buxhetit dhe i prokurimeve në CSV",
         "Publishing the budget and procurement as CSV", 10, Decimal("1500")),
    ], 1):
        Activity.objects.create(
            measure=measure, position=position, title_sq=title_sq, title_en=title_en,
            responsible=municipality, start=start,
            end=start + datetime.timedelta(days=30 * months), cost=cost,
            state_budget=cost / 2, indicator_sq="Të dhëna të publikuara",
            indicator_en="Datasets published", target_sq="10 grupe të dhënash",
            target_en="10 datasets")

"""Demo briefs for the local plan open today and for Albania's 2020–2022 plan, with a
criteria sheet (.docx) and a methodological package (.pdf) made here, and the seed's
examples from other countries. ``load`` creates only what is missing."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bashke.consultation.demos.briefs_examples import EXAMPLES
from bashke.consultation.models import Brief, BriefKind, Example
from bashke.consultation.services import briefs as services
from bashke.core.links import absolute
from bashke.core.pdf import simple_pdf
from bashke.plans.models import ActionPlan, Component, StageKind

ACTOR = None  # demo rows are made by the system

BACKGROUND_SQ = """Partneriteti për Qeverisje të Hapur (OGP) bashkon qeveritë dhe shoqërinë \
civile për plane veprimi që i bëjnë qeveritë më **transparente**, më **llogaridhënëse** dhe \
më të **hapura ndaj pjesëmarrjes** së qytetarëve.

Çdo angazhim i planit duhet të mbështesë të paktën një nga parimet e OGP:

- **Transparenca**: publikimi i informacionit që mban qeveria, proaktivisht ose me kërkesë; \
mekanizma që forcojnë të drejtën për informim.
- **Llogaridhënia**: rregulla dhe mekanizma që i detyrojnë zyrtarët të justifikojnë veprimet, \
të reagojnë ndaj kritikave dhe të mbajnë përgjegjësi.
- **Pjesëmarrja publike**: qeveria fton qytetarët në dialog dhe kërkon mendimin e tyre.
- **Teknologjia dhe inovacioni**: teknologji të reja në shërbim të tre parimeve të mësipërme, \
jo më vete.

Ideja juaj mund të dërgohet online ose në formularin Word."""

BACKGROUND_EN = """The Open Government Partnership (OGP) brings governments and civil \
society together on action plans that make government more **transparent**, more \
**accountable** and more **open to participation** by citizens.

Every commitment in the plan must support at least one of OGP's principles:

- **Transparency**: publishing the information government holds, proactively or on \
request; mechanisms that strengthen the right to information.
- **Accountability**: rules and mechanisms that call on officials to justify their actions, \
act on criticism and accept responsibility.
- **Public participation**: government engages citizens in dialogue and asks for their \
input.
- **Technology & innovation**: new technologies in the service of the three principles \
above, never on their own.

You can send your idea online or on the Word form."""

CRITERIA = [
    # (Albanian, English) of each criterion, as on the seed's criteria sheet
    ("Verifikueshmëria (SMART): e qartë, e matshme, me institucione përgjegjëse të emëruara "
     "dhe me afate", "Verifiability (SMART): specific, measurable, answerable (responsible "
     "agencies named) and time-bound"),
    ("Përputhja me parimet e OGP: transparenca, pjesëmarrja, llogaridhënia, teknologjia dhe "
     "inovacioni", "Relevance to OGP principles: transparency, participation, accountability, "
     "technology & innovation"),
    ("Ndikimi i mundshëm: shkalla dhe ambicia e ndryshimit", "Potential impact: the scale and "
     "ambition of the change"),
    ("Pjesëmarrja publike dhe angazhimi i shoqërisë civile, me diversitet pjesëmarrësish",
     "Public participation and civil society engagement, with diverse participants"),
    ("Fizibiliteti teknik, financiar dhe politik", "Technical, financial and political "
     "feasibility"),
    ("Përputhja me prioritetet dhe strategjitë vendore, kombëtare dhe ndërkombëtare",
     "Alignment with local, national and international priorities and strategies"),
    ("Aspekte të tjera: përparësi, mangësi, sfida kryesore dhe kompromise",
     "Other aspects: advantages, disadvantages, main challenges and trade-offs"),
]
CRITERIA_SQ = ("Çdo ide vlerësohet me fletën e kritereve (bashkëngjitur). Për secilin "
               "kriter vlerësuesi shënon nëse plotësohet, një pikë dhe provat:\n\n"
               + "\n".join(f"- {sq}" for sq, _en in CRITERIA))
CRITERIA_EN = ("Each idea is assessed with the criteria sheet (attached). For each "
               "criterion the assessor notes whether it is met, a score and the evidence:\n\n"
               + "\n".join(f"- {en}" for _sq, en in CRITERIA))

PACKAGE_SQ = """Paketa metodologjike u dërgohet drejtuesve të secilit komponent. Ajo \
përmban:

1. kalendarin e fazave të bashkëkrijimit dhe kush është përgjegjës për secilën;
2. formularin e ideve (online dhe Word) me shtatë pyetjet e tij;
3. fletën e kritereve për përfshirjen e ideve në plan;
4. tabelën e planit të veprimit: objektivi, masa, aktiviteti, institucionet, afatet dhe \
kostot."""

PACKAGE_EN = """The methodological package is sent to the leaders of each component. It \
holds:

1. the calendar of the co-creation stages, and who is responsible for each;
2. the idea form (online and Word) with its seven questions;
3. the criteria sheet for including ideas in the plan;
4. the action plan table: objective, measure, activity, institutions, deadlines and costs."""

# (component slug, kind, Albanian title, English title, Albanian text, English text)
COMPONENT_BRIEFS = {
    "shkoder": [
        ("open-budget", BriefKind.BACKGROUND, "Buxheti i hapur i bashkisë: ku jemi sot",
         "The municipality's open budget: where we stand",
         "Bashkia publikon buxhetin vjetor si dokument PDF. Idetë për këtë komponent mund "
         "të kërkojnë të dhëna të hapura, përmbledhje në gjuhë të thjeshtë ose dëgjesa "
         "publike për buxhetin.",
         "The municipality publishes its annual budget as a PDF document. Ideas for this "
         "component might ask for open data, plain-language summaries or public hearings on "
         "the budget."),
    ],
    "albania-2020-2022": [
        ("public-services", BriefKind.BACKGROUND, "Shërbimet publike: pika e nisjes",
         "Public services: the starting point",
         "Objektivi specifik i komponentit është **rritja e aksesueshmërisë në shërbimet "
         "publike**: qendra të reja të integruara (ADISA) dhe monitorimi i cilësisë së "
         "shërbimit me sondazhe të kënaqësisë së qytetarëve.",
         "The component's specific objective is **increasing the accessibility of public "
         "services**: new integrated service centres (ADISA) and monitoring the quality of "
         "service with citizen satisfaction surveys."),
    ],
}


def load(out):
    examples = _examples()
    plans = [p for p in (ActionPlan.objects.filter(jurisdiction__slug="shkoder")
                         .order_by("number").first(),
                         ActionPlan.objects.filter(slug="albania-2020-2022").first()) if p]
    for plan in plans:
        _briefs(plan)
    out.write(f"Examples from other countries: {examples} ({absolute('/sq/examples/')}); "
              "briefs: " + ", ".join(absolute(f"/sq/plans/{p.slug}/briefs/") for p in plans))


def _examples():
    for row in EXAMPLES:
        if not Example.objects.filter(slug=row["slug"]).exists():
            services.create_example(actor=ACTOR, published=True, **row)
    return Example.objects.count()


def _brief(plan, kind, title_sq, title_en, body_sq, body_en, component=None, order=1):
    existing = Brief.objects.filter(plan=plan, kind=kind, title_en=title_en).first()
    if existing:
        return existing, False
    return services.create_brief(plan, actor=ACTOR, kind=kind, component=component,
                                 title_sq=title_sq, title_en=title_en, body_sq=body_sq,
                                 body_en=body_en, order=order, published=True), True


def _briefs(plan):
    local = plan.jurisdiction.kind == "local"
    _brief(plan, BriefKind.BACKGROUND, "Çfarë është Partneriteti për Qeverisje të Hapur?",
           "What is the Open Government Partnership?", BACKGROUND_SQ, BACKGROUND_EN, order=1)
    criteria, new = _brief(plan, BriefKind.CRITERIA,
                           "Kriteret për përfshirjen e ideve në planin e veprimit",
                           "Criteria for including ideas in the action plan",
                           CRITERIA_SQ, CRITERIA_EN, order=2)
    if new:
        services.add_document(criteria, actor=ACTOR, uploaded=SimpleUploadedFile(
            "fleta-e-kritereve-criteria-sheet.docx", criteria_sheet()),
            title_sq="Fleta e kritereve (Word)", title_en="Criteria sheet (Word)")
    package, new = _brief(plan, BriefKind.METHODOLOGY, "Paketa metodologjike",
                          "Methodological package", PACKAGE_SQ, PACKAGE_EN, order=3)
    if new:
        services.add_document(package, actor=ACTOR, uploaded=SimpleUploadedFile(
            "paketa-metodologjike.pdf", package_pdf(plan)),
            title_sq="Paketa metodologjike (PDF)", title_en="Methodological package (PDF)")
        stage = plan.stages.filter(kind=StageKind.METHODOLOGY).order_by("start").first()
        sent_on = stage.start + datetime.timedelta(days=3) if stage else plan.start
        services.mark_package_sent(
            package, actor=ACTOR, components=Component.objects.filter(goal__plan=plan),
            sent_at=timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(10))))
    prefix = "shkoder" if local else plan.slug
    for slug, kind, t_sq, t_en, b_sq, b_en in COMPONENT_BRIEFS.get(prefix, []):
        component = Component.objects.filter(goal__plan=plan, slug=slug).first()
        if component:
            _brief(plan, kind, t_sq, t_en, b_sq, b_en, component=component)


# The attached documents, made here so that the demo needs nothing from elsewhere. ----------

def criteria_sheet() -> bytes:
    """The seed's criteria sheet as a Word table, with the columns an assessor fills in."""
    import docx

    document = docx.Document()
    document.add_heading("Fleta e kritereve / Criteria sheet", level=1)
    headers = ["Kriteri / Criteria", "A plotësohet? / Does it meet the criteria?",
               "Pikët / Score", "Prova / Evidence"]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for sq, en in CRITERIA:
        row = table.add_row().cells
        row[0].text = f"{sq}\n{en}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def package_pdf(plan) -> bytes:
    """A one-page PDF: the package's contents and the plan's stages."""
    lines = [f"Paketa metodologjike / Methodological package: {plan.title_sq}", ""]
    lines += [line.replace("**", "") for line in PACKAGE_SQ.splitlines() if line]
    lines.append("")
    for stage in plan.stages.order_by("start", "end", "id"):
        lines.append(f"{stage.start:%d.%m.%Y}-{stage.end:%d.%m.%Y}  {stage.title_sq or stage.kind}")
    return simple_pdf(lines)

"""The seed's criteria sheet, in both languages: what every new plan's sheet starts from
(``services.criteria.ensure_sheet``) and what a coordinator then adjusts before assessment
opens.

Each row: (code, group, title, guidance, weight), the texts as (Albanian, English) pairs.
"group" is the seed's "Criteria" column, "title" its "Specific criteria" column (the
group's own words where the seed has none), "guidance" its "Details or examples". The four
SMART rows of Verifiability are read by the drafting app's SMART check too, by code.
"""

from decimal import Decimal

VERIFIABILITY = ("Verifikueshmëria", "Verifiability")
RELEVANCE = ("Përputhja me parimet e OGP-së", "Relevance to OGP principles")

DEFAULT_CRITERIA = [
    ("specific", VERIFIABILITY, ("Specifike", "Specific"), (
        "A janë objektivat dhe veprimet mjaft të qarta për t'u verifikuar në mënyrë objektive "
        "përmes një vlerësimi? Problemi që trajtohet; aktivitetet ose veprimet konkrete; "
        "rezultatet e pritshme.",
        "Are the objectives and actions clear enough to be verified objectively through an "
        "assessment? The problem addressed; specific activities or actions; expected "
        "outcomes."), Decimal("1")),
    ("measurable", VERIFIABILITY, ("E matshme", "Measurable"), (
        "A është e mundur të verifikohet përmbushja? Tregues të përcaktuar qartë, që thonë "
        "çfarë matet („Numri i…“, „Përqindja e…“, „Statusi i…“); të dhëna për matjen e "
        "progresit, të disponueshme me kosto të arsyeshme dhe rregullisht.",
        "Is it possible to verify fulfilment? Indicators clearly defined, saying what is "
        "measured (\"Number of…\", \"Percentage of…\", \"Status of…\"); data to measure "
        "progress available at reasonable cost and regularly."), Decimal("1")),
    ("answerable", VERIFIABILITY, ("Me përgjegjës të qartë", "Answerable"), (
        "Emërton qartë institucionet përgjegjëse: institucionin kryesor zbatues; "
        "institucionet bashkërenduese ose mbështetëse; partnerë të tjerë nga shoqëria "
        "civile, organizatat shumëpalëshe ose sektori privat që kanë një rol.",
        "Clearly names the agencies responsible: the main implementing agency; coordinating "
        "or supporting agencies; other civil society, multilateral or private partners with "
        "a role."), Decimal("1")),
    ("time-bound", VERIFIABILITY, ("Me afat kohor", "Time-bound"), (
        "Thotë qartë kur do të përfundojë, me data për aktivitetet, pikat e kontrollit dhe "
        "afatet e tjera.",
        "Clearly states when it will be completed, with dates for milestones, benchmarks and "
        "other deadlines."), Decimal("1")),
    ("transparency", RELEVANCE, (
        "Transparenca dhe aksesi në informacion", "Transparency and access to information"), (
        "A e bën ideja informacionin e qeverisë më të plotë, më të shpejtë ose më të "
        "aksesueshëm për publikun?",
        "Does the idea make government information more complete, timely or accessible to "
        "the public?"), Decimal("1")),
    ("civic-participation", RELEVANCE, (
        "Pjesëmarrja publike dhe qytetare", "Public and civic participation"), (
        "A u jep ideja qytetarëve mundësi të reja ose më të mira për të ndikuar në "
        "vendimmarrje?",
        "Does the idea give citizens new or better opportunities to influence decisions?"),
     Decimal("1")),
    ("accountability", RELEVANCE, ("Llogaridhënia publike", "Public accountability"), (
        "A krijon ideja rregulla ose mekanizma që i bëjnë zyrtarët përgjegjës për veprimet "
        "e tyre?",
        "Does the idea create rules or mechanisms that hold officials answerable for their "
        "actions?"), Decimal("1")),
    ("technology", RELEVANCE, (
        "Teknologjia dhe inovacioni për transparencë dhe llogaridhënie",
        "Technology and innovation for transparency and accountability"), (
        "A përdor ideja teknologjinë ose inovacionin për të rritur transparencën ose "
        "llogaridhënien?",
        "Does the idea use technology or innovation to advance transparency or "
        "accountability?"), Decimal("1")),
    ("impact", ("Ndikimi i mundshëm", "Potential impact"),
     ("Ndikimi i mundshëm", "Potential impact"), (
        "Shkalla dhe ambicia e ndryshimit që ideja mund të sjellë.",
        "Scale and ambition of the change the idea can enable."), Decimal("1")),
    ("engagement", (
        "Pjesëmarrja publike dhe angazhimi i shoqërisë civile",
        "Public participation and civil society engagement"), (
        "Pjesëmarrja publike dhe angazhimi i shoqërisë civile",
        "Public participation and civil society engagement"), (
        "Angazhimi me publikun dhe organizatat e shoqërisë civile; diversiteti i "
        "pjesëmarrësve; mundësitë për t'u përgjigjur.",
        "Engagement with the public and civil society organisations; diversity of "
        "participants; opportunities for responses."), Decimal("1")),
    ("feasibility", ("Fizibiliteti", "Feasibility"), ("Fizibiliteti", "Feasibility"), (
        "Fizibiliteti teknik, financiar dhe politik.",
        "Technical, financial and political feasibility."), Decimal("1")),
    ("alignment", ("Përputhja me prioritetet", "Alignment"), (
        "Përputhja me prioritetet dhe strategjitë vendore, kombëtare dhe ndërkombëtare",
        "Alignment with local, national and international priorities and strategies"), (
        "A përputhet ideja me strategjitë dhe prioritetet ekzistuese, vendore, kombëtare "
        "ose ndërkombëtare (p.sh. Objektivat e Zhvillimit të Qëndrueshëm)?",
        "Does the idea fit existing local, national or international strategies and "
        "priorities (for example the Sustainable Development Goals)?"), Decimal("1")),
    # Asked and explained, but not counted: advantages and trade-offs are not a scale.
    ("other", ("Aspekte të tjera", "Other aspects"), ("Aspekte të tjera", "Other aspects"), (
        "Përparësi ose mangësi të tjera; sfidat kryesore për zbatimin dhe suksesin; "
        "kompromiset e mundshme.",
        "Other advantages or disadvantages; main challenges to implementation and success; "
        "potential trade-offs."), Decimal("0")),
]

DEFAULT_SCALE = (0, 3)
DEFAULT_MARGIN = Decimal("1.00")


def default_rows():
    """The rows as field values for ``Criterion(**row)``, in order (position from 1)."""
    for position, (code, group, title, guidance, weight) in enumerate(DEFAULT_CRITERIA, 1):
        yield {"position": position, "code": code,
               "group_sq": group[0], "group_en": group[1],
               "title_sq": title[0], "title_en": title[1],
               "guidance_sq": guidance[0], "guidance_en": guidance[1], "weight": weight}

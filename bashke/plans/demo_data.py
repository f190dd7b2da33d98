"""The seed presentation's plan cycle, as data. Dates of the 2018–2020 plan and the local
cycle are the demo's own assumptions; everything else follows the seed and OGP's records."""

import datetime

D = datetime.date

INSTITUTIONS = [
    # key, Albanian, English, acronym, kind
    ("pmo", "Kryeministria", "Prime Minister's Office", "KM", "public"),
    ("ddgg", "Departamenti i Zhvillimit dhe Qeverisjes së Mirë",
     "Department of Development and Good Governance", "DZHQM", "public"),
    ("gmip", "Grupi i Menaxhimit të Integruar të Politikave",
     "Integrated Policy Management Group", "GMIP", "public"),
    ("justice", "Ministria e Drejtësisë", "Ministry of Justice", "MD", "ministry"),
    ("finance", "Ministria e Financave dhe Ekonomisë", "Ministry of Finance and Economy", "MFE",
     "ministry"),
    ("akshi", "Agjencia Kombëtare e Shoqërisë së Informacionit",
     "National Agency for Information Society", "AKSHI", "agency"),
    ("adisa", "Agjencia e Ofrimit të Shërbimeve Publike të Integruara",
     "Agency for Delivery of Integrated Public Services", "ADISA", "agency"),
    ("anticorruption", "Koordinatori Kombëtar kundër Korrupsionit",
     "National Coordinator against Corruption", "KKKK", "public"),
    ("shkoder", "Bashkia Shkodër", "Municipality of Shkodër", "BSH", "public"),
    ("shkoder_youth", "Rrjeti Rinor i Shkodrës (demo)", "Shkodër Youth Network (demo)", "RRSH",
     "cso"),
    ("korce", "Bashkia Korçë", "Municipality of Korçë", "BK", "public"),
]

# (number, Albanian, English, [(slug, Albanian, English, leaders, secretariat)])
ALBANIA_GOALS = [
    (1, "Aksesi në drejtësi", "Access to Justice", [
        ("accessibility-to-justice", "Aksesueshmëria në drejtësi", "Accessibility to Justice",
         ["justice"], ["ddgg"]),
        ("transparency-accountability", "Transparenca dhe llogaridhënia",
         "Transparency & Accountability", ["justice"], ["ddgg"]),
    ]),
    (2, "Qeverisja digjitale", "Digital Governance", [
        ("online-services", "Shërbimet online / elektronike", "Online / Electronic Services",
         ["akshi"], ["ddgg"]),
        ("public-services", "Shërbimet publike", "Public Services", ["adisa"], ["ddgg"]),
    ]),
    (3, "Transparenca fiskale", "Fiscal Transparency", [
        ("budget-transparency", "Transparenca buxhetore", "Budget Transparency", ["finance"],
         ["ddgg"]),
        ("revenue-transparency", "Transparenca e burimeve të të ardhurave",
         "Transparency of Revenue Sources", ["finance"], ["ddgg"]),
    ]),
    (4, "Lufta kundër korrupsionit", "Fight against Corruption", [
        ("beneficial-ownership", "Pronësia përfituese", "Beneficial Ownership", ["finance"],
         ["ddgg"]),
        ("integrity-plans", "Planet e integritetit", "Integrity Plans",
         ["justice", "anticorruption"], ["ddgg"]),
    ]),
]

# (kind, start, end, responsible, Albanian title, English title, Albanian text, English text)
ALBANIA_2020_STAGES = [
    ("mobilisation", D(2020, 7, 1), D(2020, 8, 31), "ddgg",
     "Mobilizimi i procesit me drejtuesit e komponentëve",
     "Process mobilisation with component leaders",
     "Takim me sekretariatet teknike të secilit komponent.",
     "Meeting with the technical secretariats of each component."),
    ("methodology", D(2020, 7, 1), D(2020, 8, 31), "ddgg",
     "Finalizimi dhe dërgimi i paketës metodologjike",
     "Finalising and sending the methodological package",
     "Paketa metodologjike u dërgohet drejtuesve të secilit komponent.",
     "The methodological package is sent to the leaders of each component."),
    ("online_consultation", D(2020, 7, 1), D(2020, 8, 31), "akshi",
     "Konsultimi online i fazës së hershme të masave prioritare",
     "Online consultation on the early phase of priority measures",
     "Të 4 komponentët / sekretariatet konsultojnë publikun online me metoda inovative "
     "(p.sh. sondazhe), të koordinuara nga Agjencia Kombëtare e Shoqërisë së Informacionit.",
     "All four components / secretariats consult the public online through innovative "
     "methods (e.g. surveys), coordinated by the National Agency for Information Society."),
    ("drafting", D(2020, 9, 1), D(2020, 10, 31), None,
     "Përgatitja e Planit të Veprimit 2020–2022 për secilin komponent",
     "Preparing the 2020–2022 Action Plan for each component",
     "Në koordinim me shoqërinë civile dhe palët e interesit; takime pune konsultative me "
     "shoqërinë civile për konsolidimin e masave prioritare.",
     "In coordination with civil society and stakeholders; coordinated consultative working "
     "meetings with civil society on consolidating the priority measures."),
    ("consolidation", D(2020, 11, 1), D(2020, 12, 31), "ddgg",
     "Konsolidimi i Planit të Veprimit 2020–2022", "Consolidating the 2020–2022 Action Plan",
     "Finalizimi i konsultimit nga Departamenti i Zhvillimit dhe Qeverisjes së Mirë.",
     "Finalising the consultation, by the Department of Development and Good Governance."),
    ("draft_consultation", D(2020, 11, 1), D(2020, 12, 31), "ddgg",
     "Konsultimi në faqen e OGP", "Consultation on the OGP site",
     "Projektplani publikohet për komente.",
     "The draft plan is published for comments."),
    ("approval", D(2020, 12, 1), D(2020, 12, 31), "gmip",
     "Miratimi nga GMIP", "Approval by the GMIP",
     "Finalizimi i projektplanit dhe dërgimi për diskutim / miratim në GMIP, në koordinim me "
     "aktorët e shoqërisë civile.",
     "Finalising the draft and submitting it for discussion and approval to the Integrated "
     "Policy Management Group, coordinated with civil society actors."),
    ("implementation", D(2021, 1, 1), D(2022, 6, 30), None,
     "Zbatimi", "Implementation", "", ""),
    ("monitoring", D(2021, 1, 1), D(2022, 10, 31), "ddgg",
     "Monitorimi dhe raportimi", "Monitoring and reporting",
     "Raportet e progresit dhe rishikimi i pavarur (IRM).",
     "Progress reports and the independent review (IRM)."),
]

LOCAL_GOALS = [
    (1, "Qeverisje vendore transparente", "Transparent local government", [
        ("open-budget", "Buxheti i hapur i bashkisë", "The municipality's open budget",
         ["shkoder"], ["shkoder_youth"]),
        ("procurement", "Transparenca e prokurimeve publike", "Transparent public procurement",
         ["shkoder"], []),
    ]),
    (2, "Pjesëmarrja qytetare", "Citizen participation", [
        ("participatory-budgeting", "Buxhetimi me pjesëmarrje", "Participatory budgeting",
         ["shkoder"], ["shkoder_youth"]),
        ("community-councils", "Këshillat rinorë dhe të komunitetit",
         "Youth and community councils", ["shkoder", "shkoder_youth"], []),
    ]),
    (3, "Shërbime vendore të aksesueshme", "Accessible local services", [
        ("one-stop-shop", "Shërbime digjitale në sportelin unik",
         "Digital services at the one-stop shop", ["shkoder"], []),
        ("accessibility", "Aksesueshmëria për personat me aftësi të kufizuara",
         "Accessibility for persons with disabilities", ["shkoder"], ["shkoder_youth"]),
    ]),
]

# (kind, days from the load day to the start, to the end, responsible, Albanian, English)
LOCAL_STAGES = [
    ("mobilisation", -30, -16, "shkoder", "Mobilizimi i grupit të punës",
     "Mobilising the working group"),
    ("methodology", -20, -8, "shkoder", "Paketa metodologjike dhe informacioni për qytetarët",
     "Methodological package and briefs for citizens"),
    ("online_consultation", -7, 21, "shkoder", "Thirrje për ide: konsultimi online",
     "Call for ideas: online consultation"),
    ("prioritisation", 22, 35, "shkoder", "Përzgjedhja e ideve prioritare",
     "Selecting the priority ideas"),
    ("drafting", 36, 63, "shkoder", "Hartimi i angazhimeve me shoqërinë civile",
     "Drafting the commitments with civil society"),
    ("consolidation", 64, 80, "shkoder", "Konsolidimi i planit", "Consolidating the plan"),
    ("draft_consultation", 70, 90, "shkoder", "Konsultimi publik i projektplanit",
     "Public consultation on the draft plan"),
    ("approval", 91, 105, "shkoder", "Miratimi nga Këshilli Bashkiak",
     "Approval by the Municipal Council"),
]

# A second local plan, a few weeks further on: its ideas are in, and the priority
# statements are open for votes on the day the demo is loaded.
PRIORITISING_GOALS = [
    (1, "Bashkia e hapur", "An open municipality", [
        ("open-data", "Të dhëna të hapura të bashkisë", "The municipality's open data",
         ["korce"], []),
        ("public-hearings", "Dëgjesat publike", "Public hearings", ["korce"], []),
    ]),
]
PRIORITISING_STAGES = [
    ("mobilisation", -70, -56, "korce", "Mobilizimi i grupit të punës",
     "Mobilising the working group"),
    ("methodology", -60, -45, "korce", "Paketa metodologjike", "Methodological package"),
    ("online_consultation", -44, -8, "korce", "Thirrje për ide: konsultimi online",
     "Call for ideas: online consultation"),
    ("prioritisation", -7, 14, "korce", "Votimi i pohimeve prioritare",
     "Voting on the priority statements"),
    ("drafting", 15, 40, "korce", "Hartimi i angazhimeve", "Drafting the commitments"),
    ("approval", 41, 60, "korce", "Miratimi nga Këshilli Bashkiak",
     "Approval by the Municipal Council"),
]

DEMO_PASSWORD = "bashke-demo-2026"
# (e-mail, name, sector, role, component slug or None, is staff)
DEMO_ACCOUNTS = [
    ("admin@bashke.example", "Administratori", "government", None, None, True),
    ("coordinator@bashke.example", "Koordinatorja (DZHQM)", "government", "coordinator", None,
     True),
    ("leader@bashke.example", "Drejtuesi i komponentit (AKSHI)", "government",
     "component_leader", "online-services", False),
    ("secretariat@bashke.example", "Sekretariati teknik", "government", "secretariat",
     "online-services", False),
    ("assessor@bashke.example", "Vlerësuesja (forumi)", "civil_society", "assessor", None,
     False),
    ("reviewer@bashke.example", "Rishikuesi i pavarur", "academia", "reviewer", None, False),
    ("moderator@bashke.example", "Moderatorja", "civil_society", "moderator", None, False),
    ("ngo@bashke.example", "OJF në Shkodër", "civil_society", None, None, False),
    ("citizen@bashke.example", "Qytetarja", "citizen", None, None, False),
]

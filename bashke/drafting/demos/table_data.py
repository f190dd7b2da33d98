"""The demo's table rows, as data (read by ``table.py``).

Objectives: (component slug, Albanian title, English title, [measure]). A measure is a dict
of Measure fields plus "lead" (an institution's acronym), "meeting" (the English title of a
held meeting of the plan, its evidence), "ideas" (titles of the plan's ideas it came from)
and "activities": tuples of (Albanian title, English title, responsible, [others], start,
end, cost, state budget, foreign financing (thousand lek), indicator sq, indicator en,
target sq, target en[, [idea titles]]).
"""

import datetime

D = datetime.date
# The seed's dates for every one of its rows (kept within the plan's period by table.py).
SEED_START, SEED_END = D(2020, 1, 1), D(2022, 12, 31)

SEED_OBJECTIVE = (
    "public-services", "Rritja e aksesueshmërisë në shërbimet publike",
    "Increasing accessibility of public services", [
        {"title_sq": "Ngritja e Qendrave të Integruara të reja për ofrimin e shërbimeve "
                     "publike",
         "title_en": "Establishing new Integrated Centres for delivering public services",
         "lead": "ADISA",
         "problem_sq": "Qytetarët në shumë qytete duhet të shkojnë në disa zyra për një "
                       "shërbim të vetëm.",
         "problem_en": "In many towns citizens must visit several offices for a single "
                       "service.",
         "description_en": "New ADISA integrated centres where citizens receive the services "
                           "of many institutions at one counter.",
         "participation_en": "Citizens rate the service of each new centre.",
         "activities": [
             ("Identifikimi i ambjentit në përputhje me parametrat e aksesit",
              "Identifying premises that meet the accessibility parameters", "ADISA", [],
              SEED_START, SEED_END, 1200, 1200, None, "Numri i ambjenteve të identifikuara",
              "Number of premises identified", "4 ambjente", "4 premises"),
             ("Përgatitja e projektit të rikonstruksionit sipas standardeve ADISA",
              "Preparing the reconstruction project to ADISA standards", "ADISA", [],
              SEED_START, SEED_END, 6500, 4000, 2500, "Projekte të miratuara",
              "Projects approved", "4 projekte", "4 projects"),
             ("Zhvillimi i punimeve për rikonstruksionin e godinës/ambjentit",
              "Carrying out the reconstruction works on the building or premises", "ADISA",
              [], SEED_START, SEED_END, 84000, 30000, 42000, "Godina të rikonstruktuara",
              "Buildings reconstructed", "4 godina", "4 buildings"),
             ("Operacionalizimi i Qendrës", "Making the centre operational", "ADISA", ["AKSHI"],
              SEED_START, SEED_END, 18000, 18000, None, "Qendra në punë",
              "Centres operating", "4 qendra", "4 centres"),
         ]},
        {"title_sq": "Monitorimi i cilësisë së ofrimit të shërbimeve publike pranë qendrave të "
                     "integruara dhe sporteleve të shërbimeve",
         "title_en": "Monitoring the quality of public service delivery in the integrated "
                     "centres and service counters",
         "lead": "ADISA",
         "accountability_en": "Survey results are published, so that the agency answers for "
                              "the quality of its service.",
         "activities": [
             ("Zhvillimi i sondazheve për matjen e kënaqësisë së qytetarëve në qendrat ADISA",
              "Surveys measuring citizens' satisfaction in ADISA centres", "ADISA", [],
              SEED_START, SEED_END, 2400, 1400, 1000, "Përqindja e qytetarëve të kënaqur",
              "Percentage of satisfied citizens", "Sondazhe çdo tremujor",
              "A survey every quarter",
              ["Matja e kënaqësisë së përdoruesve të e-Albania"]),
             ("Zhvillimi i sondazheve për matjen e kohës së aplikimit në qendrat ADISA",
              "Surveys measuring application time in ADISA centres", "ADISA", [],
              SEED_START, SEED_END, 1600, 1600, None, "Koha mesatare e aplikimit (minuta)",
              "Average application time (minutes)", "Raport çdo gjashtë muaj",
              "A report every six months"),
         ]},
        {"ogp_id": "AL0069",
         "title_sq": "Vlerësimi i shërbimeve publike nga qytetarët",
         "title_en": "Citizen assessment of public services", "lead": "ADISA",
         "problem_en": "Institutions receive no structured feedback from the people they "
                       "serve.",
         "participation_en": "Citizens assess every service; the results shape improvement "
                             "plans.",
         "activities": [
             ("Ngritja e sistemit të vlerësimit me SMS dhe në sportel",
              "Setting up rating by SMS and at the counter", "ADISA", ["AKSHI"],
              D(2021, 1, 1), D(2021, 12, 31), 5200, 2200, 3000, "Shërbime me vlerësim",
              "Services that can be rated", "Të gjitha shërbimet e ADISA",
              "Every ADISA service"),
             ("Publikimi i rezultateve të vlerësimit çdo tremujor",
              "Publishing the assessment results every quarter", "ADISA", [],
              D(2021, 4, 1), D(2022, 6, 30), 600, 600, None, "Raporte të publikuara",
              "Reports published", "5 raporte", "5 reports"),
         ]},
    ])

ALBANIA = [
    ("accessibility-to-justice", "Përmirësimi i aksesit në ndihmën juridike falas",
     "Improving access to free legal aid", [
         {"ogp_id": "AL0070", "title_sq": "Ngritja e Drejtorisë për Ndihmën Juridike Falas",
          "title_en": "Establishing a directorate for access to free legal aid", "lead": "MD",
          "problem_en": "People on low incomes do not know where to ask for free legal aid.",
          "accountability_en": "The directorate reports every year on the aid it gave.",
          "activities": [
              ("Miratimi i strukturës dhe rregullores së Drejtorisë",
               "Adopting the directorate's structure and regulation", "MD", [],
               D(2020, 9, 1), D(2020, 12, 31), 1500, 1500, None, "Rregullore e miratuar",
               "Regulation adopted", "1 rregullore", "1 regulation"),
              ("Hapja e qendrave të ndihmës juridike në gjashtë rrethe",
               "Opening legal aid centres in six districts", "MD", ["DZHQM"],
               D(2021, 1, 1), D(2022, 6, 30), 36000, 18000, 12000, "Qendra të hapura",
               "Centres open", "6 qendra", "6 centres"),
          ]},
     ]),
    ("transparency-accountability", "Rritja e transparencës së sistemit të drejtësisë",
     "Increasing the transparency of the justice system", [
         {"ogp_id": "AL0071",
          "title_sq": "Përmirësimi i informacionit në faqen e Ministrisë së Drejtësisë",
          "title_en": "Making information on the Ministry of Justice website more accessible",
          "lead": "MD",
          "transparency_en": "More of the ministry's information is published, in plain "
                             "language.",
          "activities": [
              ("Rishikimi i përmbajtjes së faqes", "Reviewing the website's content", "MD", [],
               D(2020, 9, 1), D(2020, 12, 31), 600, 600, None, "Faqe të rishikuara",
               "Pages reviewed", "Të gjitha faqet", "Every page"),
              ("Ridizenjimi i faqes sipas standardeve të aksesueshmërisë",
               "Redesigning the website to accessibility standards", "MD", ["AKSHI"],
               D(2021, 1, 1), D(2021, 9, 30), 4800, 2400, 2400,
               "Faqja në përputhje me WCAG 2.1 AA", "Website meets WCAG 2.1 AA",
               "Faqja e re në punë", "New website live"),
          ]},
     ]),
    SEED_OBJECTIVE,
    # Under the seed's component too, after its objective 1: objectives are numbered within
    # their policy goal in the order of the components, and the seed's example is number 1.
    ("public-services", "Zgjerimi i shërbimeve dhe i të dhënave online",
     "Expanding online services and open data", [
         {"ogp_id": "AL0067",
          "title_sq": "Ngritja e portalit për reagimet e qytetarëve për shërbimet publike",
          "title_en": "Establishing an online portal for feedback on public services",
          "lead": "AKSHI",
          "meeting": "Working meeting with civil society: priority measures for online "
                     "services",
          "ideas": ["Portal për vlerësimin e shërbimeve publike nga qytetarët"],
          "participation_en": "Citizens comment on and rate every online service.",
          "technology_en": "An open platform, with its data published.",
          "activities": [
              ("Zhvillimi i portalit", "Developing the portal", "AKSHI", ["ADISA"],
               D(2020, 10, 1), D(2021, 6, 30), 9000, 4000, 5000, "Portali në punë",
               "Portal live", "1 portal", "1 portal"),
              ("Publikimi i përgjigjeve të institucioneve", "Publishing institutions' answers",
               "AKSHI", [], D(2021, 7, 1), D(2022, 6, 30), 1200, 1200, None,
               "Përqindja e reagimeve me përgjigje", "Percentage of feedback answered",
               "90%", "90%"),
          ]},
         {"ogp_id": "AL0068", "title_sq": "Zgjerimi i portalit të të dhënave të hapura",
          "title_en": "Expanding the open data portal", "lead": "AKSHI",
          "transparency_en": "More data sets, in open formats, updated regularly.",
          "activities": [
              ("Publikimi i 50 grupeve të reja të të dhënave",
               "Publishing 50 new data sets", "AKSHI", ["MFE", "ADISA"], D(2021, 1, 1),
               D(2022, 6, 30), 3500, 3500, None, "Grupe të dhënash të publikuara",
               "Data sets published", "50", "50"),
              ("Trajnimi i koordinatorëve të të dhënave në ministri",
               "Training data coordinators in the ministries", "AKSHI", [], D(2021, 3, 1),
               D(2021, 12, 31), 1800, None, 1800, "Koordinatorë të trajnuar",
               "Coordinators trained", "30", "30"),
          ]},
     ]),
    ("budget-transparency", "Rritja e transparencës buxhetore",
     "Increasing budget transparency", [
         {"ogp_id": "AL0072", "title_sq": "Publikimi i informacionit të aksesueshëm për "
                                          "buxhetin online",
          "title_en": "Publishing accessible budget information online", "lead": "MFE",
          "transparency_en": "A citizens' budget and open budget data every year.",
          "activities": [
              ("Publikimi i Buxhetit të Qytetarit", "Publishing the Citizens' Budget", "MFE",
               [], D(2021, 1, 1), D(2022, 6, 30), 1500, 1500, None, "Botime",
               "Editions published", "2", "2"),
              ("Publikimi i të dhënave të buxhetit në format të hapur",
               "Publishing budget data in open formats", "MFE", ["AKSHI"], D(2021, 1, 1),
               D(2022, 6, 30), 2200, 1200, 1000, "Grupe të dhënash", "Data sets",
               "Çdo tremujor", "Every quarter"),
          ]},
         {"ogp_id": "AL0073", "title_sq": "Përmirësimi i raportimit të financave publike",
          "title_en": "Improving public finance reporting", "lead": "MFE",
          "accountability_en": "Monthly execution reports let the public follow spending.",
          "activities": [
              ("Publikimi i raporteve mujore të zbatimit të buxhetit",
               "Publishing monthly budget execution reports", "MFE", [], D(2020, 10, 1),
               D(2022, 6, 30), 900, 900, None, "Raporte mujore", "Monthly reports",
               "21 raporte", "21 reports"),
          ]},
     ]),
    ("beneficial-ownership", "Hapja e të dhënave për pronarët përfitues",
     "Opening data on beneficial owners", [
         {"ogp_id": "AL0066", "title_sq": "Ngritja e regjistrit online të pronarëve përfitues",
          "title_en": "Establishing an online beneficial ownership register", "lead": "MFE",
          "ideas": ["Regjistri online i pronarëve përfitues"],
          "transparency_en": "Anyone can search who really owns a company.",
          "accountability_en": "Owners of companies that win public contracts are known.",
          "activities": [
              ("Miratimi i ligjit për regjistrin e pronarëve përfitues",
               "Adopting the law on the beneficial ownership register", "MFE", ["MD"],
               D(2020, 9, 1), D(2021, 3, 31), 500, 500, None, "Ligj i miratuar",
               "Law adopted", "1 ligj", "1 law"),
              ("Hapja e regjistrit online, falas për këdo",
               "Opening the register online, free for anyone", "MFE", ["AKSHI"],
               D(2021, 4, 1), D(2022, 6, 30), 12000, 5000, 4000, "Regjistri online",
               "Register online", "1 regjistër", "1 register"),
          ]},
     ]),
    ("integrity-plans", "Forcimi i integritetit në administratën publike",
     "Strengthening integrity in public administration", [
         {"ogp_id": "AL0065", "title_sq": "Miratimi i planeve të integritetit në të gjitha "
                                          "ministritë",
          "title_en": "Adopting integrity plans in all ministries", "lead": "KKKK",
          "accountability_en": "Each ministry publishes its integrity risks and what it does "
                               "about them.",
          "activities": [
              ("Hartimi i metodologjisë së planeve të integritetit",
               "Drafting the integrity plan methodology", "KKKK", ["MD"], D(2020, 9, 1),
               D(2020, 12, 31), 800, None, 800, "Metodologji e miratuar",
               "Methodology adopted", "1", "1"),
              ("Miratimi dhe publikimi i planeve në çdo ministri",
               "Adopting and publishing a plan in every ministry", "KKKK", [],
               D(2021, 1, 1), D(2022, 6, 30), 3000, 3000, None, "Ministri me plan",
               "Ministries with a plan", "12", "12"),
          ]},
     ]),
]

# Korçë, in prioritisation today: a first draft, unfinished on purpose (dates are days from
# the plan's start). The SMART check warns about a title without an action, a missing
# indicator, a missing institution, missing dates and a measure without activities.
KORCE = [
    ("open-data", "Të dhëna të hapura për shërbimet e bashkisë",
     "Open data on the municipality's services", [
         {"title_sq": "Publikimi i të dhënave për grumbullimin e mbetjeve",
          "title_en": "Publishing data on waste collection", "lead": "BK",
          "activities": [
              ("Harta e kontejnerëve", "Container map", "BK", [], 30, 180, 400, 400, None,
               "", "", "Harta online", "Map online"),
              ("Publikimi i orareve të grumbullimit çdo javë",
               "Publishing the collection schedules every week", None, [], None, None,
               250, None, None, "Javë me orare të publikuara", "Weeks with schedules "
               "published", "", ""),
          ]},
     ]),
    ("public-hearings", "Dëgjesat publike", "Public hearings", [
        {"title_sq": "Dëgjesat publike", "title_en": "Public hearings", "activities": []},
    ]),
]

"""A plan table with known money, for the exports' tests: the seed's objective 1 with
measures 1.1 (ADISA's new centres, four activities) and 1.2 (monitoring, two), and
objective 2 under the second component (one measure, one activity whose cost is unknown).

Known numbers (thousand lek): 1.1 costs 1,000 + 2,000.50 + 3,000 + 0 = 6,000.50, of which
the state budget gives 3,500 and foreign financing 1,000, a gap of 1,500.50; 1.2 costs
400 with 100 from the state: gap 300. Objective 1: cost 6,400.50, gap 1,800.50.
Objective 2's activity has no cost and 50 from foreign financing. Plan: cost 6,400.50,
state 3,600, foreign 1,050, gap 1,800.50.
"""

import datetime
from decimal import Decimal

import pytest

from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans import services as plan_services
from bashke.plans.models import Institution

D = Decimal
START, END = datetime.date(2020, 7, 1), datetime.date(2022, 6, 30)


def build_table(plan, first, second, adisa, agency, ministry):
    one = Objective.objects.create(
        component=first, position=1, title_sq="Rritja e aksesueshmërisë në shërbimet publike",
        title_en="Increasing the accessibility of public services")
    centres = Measure.objects.create(
        objective=one, position=1, ogp_id="AL0070", lead_institution=adisa,
        title_sq="Ngritja e Qendrave të Integruara të reja",
        title_en="New integrated service centres", problem_en="Services are far away.",
        problem_sq="Shërbimet janë larg.", transparency_en="Service standards are published.",
        technology_en="Online booking.", other_government_actors="Municipalities",
        civil_society_actors="Open Data Albania")
    rows = [
        ("Identifikimi i ambjentit", "Finding premises", D("1000"), D("1000"), None),
        ("Përgatitja e projektit", "Preparing the project", D("2000.50"), D("1500"), D("500")),
        ("Rikonstruksioni", "=Reconstruction works", D("3000"), D("1000"), D("500")),
        ("Operacionalizimi i Qendrës", "Opening the centre", D("0"), None, None),
    ]
    activities = []
    for position, (sq, en, cost, state, foreign) in enumerate(rows, 1):
        activities.append(Activity.objects.create(
            measure=centres, position=position, title_sq=sq, title_en=en, responsible=adisa,
            start=START, end=END, cost=cost, state_budget=state, foreign_financing=foreign,
            indicator_en="Centres open", target_en="2 centres"))
    activities[1].other_responsible.set([agency, ministry])
    quality = Measure.objects.create(objective=one, position=2, lead_institution=adisa,
                                     title_sq="Monitorimi i cilësisë",
                                     title_en="Monitoring service quality")
    activities.append(Activity.objects.create(
        measure=quality, position=1, title_sq="Sondazhe të kënaqësisë",
        title_en="Satisfaction surveys", responsible=adisa, start=START,
        end=datetime.date(2021, 12, 31), cost=D("400"), state_budget=D("100")))
    activities.append(Activity.objects.create(
        measure=quality, position=2, title_sq="Sondazhe të kohës së aplikimit",
        title_en="Application time surveys", responsible=adisa, start=START, end=END))
    two = Objective.objects.create(component=second, position=1, title_sq="Drejtësia",
                                   title_en="Justice")
    aid = Measure.objects.create(objective=two, position=1, title_sq="Ndihma juridike",
                                 title_en="Legal aid", lead_institution=ministry)
    activities.append(Activity.objects.create(
        measure=aid, position=1, title_sq="Zyra e ndihmës", title_en="Legal aid office",
        responsible=ministry, start=START, end=END, foreign_financing=D("50")))
    return {"objectives": [one, two], "measures": [centres, quality, aid],
            "activities": activities}


@pytest.fixture
def adisa(db):
    return plan_services.create_institution(
        actor=None, name_sq="Agjencia e Ofrimit të Shërbimeve Publike të Integruara",
        name_en="Agency for Delivery of Integrated Public Services", acronym="ADISA",
        kind=Institution.Kind.AGENCY)


@pytest.fixture
def table(plan, adisa, agency, ministry):
    first, second = plan.goals.get(number=1).components.order_by("position")
    return build_table(plan, first, second, adisa, agency, ministry)


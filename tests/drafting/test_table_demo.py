"""The demo's action plan tables: the seed's rows under Digital Governance with their
numbers, a measure for each of Albania's nine published commitments, source ideas decided
"included", the meeting as evidence, and Korçë's unfinished draft with SMART warnings.
Loaded twice: the second run adds nothing."""

import io
from decimal import Decimal

import pytest

from bashke.assessment.models import Decision, DecisionKind
from bashke.consultation.demos import ideas as ideas_demo
from bashke.consultation.demos import meetings as meetings_demo
from bashke.drafting import smart, tree
from bashke.drafting.demos import table as table_demo
from bashke.drafting.models import Activity, Measure
from bashke.plans import demo as plans_demo
from bashke.plans.models import ActionPlan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_demo_tables(client):
    for _run in range(2):
        plans_demo.load(io.StringIO())
        ideas_demo.load(io.StringIO())
        meetings_demo.load(io.StringIO())
        table_demo.load(io.StringIO())
    albania = ActionPlan.objects.get(slug="albania-2020-2022")
    table = tree.build(albania)
    digital = next(goal for goal in table.goals if goal.title_en == "Digital Governance")
    seed = digital.objectives[0]
    assert seed.number == "1"
    assert seed.title_sq == "Rritja e aksesueshmërisë në shërbimet publike"
    first, second = seed.measures[:2]
    assert first.number == "1.1" and first.lead_institution.acronym == "ADISA"
    assert [a.number for a in first.activities] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert first.activities[3].title_sq == "Operacionalizimi i Qendrës"
    assert [a.number for a in second.activities] == ["1.2.1", "1.2.2"]
    # Within the plan's period, as near the seed's 1 Jan 2020 – 31 Dec 2022 as it allows.
    assert {(a.start, a.end) for a in first.activities} == {(albania.start, albania.end)}
    ids = sorted(m.ogp_id for m in table.measures() if m.ogp_id)
    assert ids == [f"AL00{n}" for n in range(65, 74)]
    assert table.totals.cost == sum((a.cost or Decimal(0)) for a in table.activities())
    # Ideas the measures came from are decided "included"; the meeting is the evidence.
    portal = Measure.objects.get(ogp_id="AL0067")
    assert portal.source_ideas.count() == 1 and portal.evidence_meeting is not None
    assert Decision.objects.filter(kind=DecisionKind.INCLUDED).count() == 3
    assert Activity.objects.filter(source_ideas__isnull=False).count() == 1
    # Korçë's draft is unfinished, and the SMART check says where.
    korce = ActionPlan.objects.get(slug__startswith="korce")
    report = smart.check(tree.build(korce))
    found = {w.criterion for w in report.warnings}
    assert {"specific", "measurable", "answerable", "time_bound", "milestones"} <= found
    # Both pages show them.
    page = client.get(f"/sq/plans/{albania.slug}/action-plan/").content.decode()
    assert "Operacionalizimi i Qendrës" in page and "ADISA" in page
    assert client.get(f"/en/plans/{korce.slug}/action-plan/smart/").status_code == 200

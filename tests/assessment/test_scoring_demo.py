"""The demo's criteria sheets and assessments are added once: every plan has the seed's
sheet; Korçë's is open with scores, one disagreement and a draft; Albania's 2020–2022 is
closed. Only the demos these need run here."""

import io

import pytest

from bashke.assessment.demos import criteria as criteria_demo
from bashke.assessment.demos import scoring as scoring_demo
from bashke.assessment.models import Assessment, CriteriaSheet
from bashke.assessment.services import ranking
from bashke.consultation.demos import ideas as ideas_demo
from bashke.consultation.demos import prioritisation as prioritisation_demo
from bashke.plans import demo as plans_demo
from bashke.plans.models import ActionPlan

pytestmark = pytest.mark.django_db


def test_demo_assessments():
    for _run in range(2):  # a second run adds nothing
        plans_demo.load(io.StringIO())
        ideas_demo.load(io.StringIO())
        prioritisation_demo.load(io.StringIO())
        criteria_demo.load(io.StringIO())
        scoring_demo.load(io.StringIO())
    assert CriteriaSheet.objects.count() == ActionPlan.objects.count()
    korce = CriteriaSheet.objects.get(plan__slug__startswith="korce")
    assert korce.status == "open"
    assert Assessment.objects.filter(sheet=korce).count() == 5
    assert Assessment.objects.filter(sheet=korce, submitted_at__isnull=True).count() == 1
    flagged = [idea.title for idea in ranking.ranked_ideas(korce)
               if ranking.disagrees(korce, idea)]
    assert len(flagged) == 1
    albania = CriteriaSheet.objects.get(plan__slug="albania-2020-2022")
    assert albania.status == "closed"
    assert Assessment.objects.filter(sheet=albania, submitted_at__isnull=True).count() == 0
    assert Assessment.objects.filter(sheet=albania).count() == 4  # two ideas, two assessors

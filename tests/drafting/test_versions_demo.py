"""The demo versions (loaded after the plans' and the table's demos) are added once: Albania
2020–2022 frozen twice and approved by the GMIP in December 2020 with a PDF decision; Korçë
published for comment today, with comments. Only the plans' demo and this one run here; the
Albania table is written through the ORM, as the table's demo would."""

import datetime
import io

import pytest
from versions_helpers import make_table

from bashke.drafting import compare, tree
from bashke.drafting.demos import versions as versions_demo
from bashke.drafting.models import PlanVersion, VersionStatus
from bashke.plans import demo as plans_demo
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_demo_versions(client):
    plans_demo.load(io.StringIO())
    albania = ActionPlan.objects.get(slug="albania-2020-2022")
    make_table(albania, measures=2, activities=2)
    for _run in range(2):  # a second run adds nothing
        versions_demo.load(io.StringIO())
    first, approved = PlanVersion.objects.for_plan(albania).order_by("number")
    assert first.status == VersionStatus.FROZEN
    assert approved.status == VersionStatus.APPROVED
    assert approved.approved_on == datetime.date(2020, 12, 23)
    assert "GMIP" in approved.approved_by_body
    assert approved.frozen_at.date() == datetime.date(2020, 12, 14)
    assert approved.decision_document.read().startswith(b"%PDF-")
    albania.refresh_from_db()
    assert albania.status == PlanStatus.COMPLETED  # a past plan keeps its status
    # The two versions differ in the last activity, and the live table is the approved one.
    differences = compare.compare(tree.from_json(first.snapshot),
                                  tree.from_json(approved.snapshot)).differences
    assert [row.kind for row in differences] == ["activity"]
    assert tree.to_json(tree.build(albania)) == approved.snapshot
    korce = PlanVersion.objects.get(plan__slug__startswith="korce")
    assert korce.status == VersionStatus.IN_CONSULTATION and korce.open_for_comment(today())
    assert korce.comments.count() == 3
    page = client.get(f"/en/plans/{albania.slug}/action-plan/versions/2/")
    assert page.status_code == 200 and b"Download the decision" in page.content

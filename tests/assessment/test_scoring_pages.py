"""The assessor's pages: their list, scoring an idea (draft, submit, a mistake, a
conflict), and who sees the individual scores when."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from scoring_helpers import make_assessor, open_sheet, record_idea, submit

from bashke.assessment.models import Assessment
from bashke.assessment.services import criteria as criteria_services
from bashke.assessment.services import scoring as services

pytestmark = pytest.mark.django_db


def url(name, plan, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"slug": plan.slug, **kwargs})


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sheet(plan, coordinator):
    return open_sheet(plan, coordinator)


@pytest.fixture
def idea(plan, coordinator, component):
    return record_idea(plan, coordinator, component)


def form_data(sheet, score="2", meets="yes", action="save", version=0, **changes):
    data = {"version": version, "action": action}
    for criterion in sheet.criteria.all():
        data[f"{criterion.code}-meets"] = meets
        data[f"{criterion.code}-score"] = score
        data[f"{criterion.code}-evidence"] = "Because."
    data.update(changes)
    return data


def test_the_assessor_drafts_then_submits(sheet, idea, assessor):
    client = signed_in(assessor)
    listing = client.get(url("my_assessments", sheet.plan)).content.decode()
    assert "Open budget data" in listing and "Not started" in listing
    page = client.get(url("assess", sheet.plan, pk=idea.pk)).content.decode()
    assert "Evidence, examples or explanation" in page and "Score (0–3)" in page
    response = client.post(url("assess", sheet.plan, pk=idea.pk), form_data(sheet))
    assert response.status_code == 302
    assert Assessment.objects.get().submitted_at is None
    client.post(url("assess", sheet.plan, pk=idea.pk),
                form_data(sheet, action="submit", version=1))
    assessment = Assessment.objects.get()
    assert assessment.submitted_at is not None and assessment.version == 2
    listing = client.get(url("my_assessments", sheet.plan)).content.decode()
    assert "Submitted" in listing


def test_a_mistake_is_shown_on_its_field_and_keeps_what_was_typed(sheet, idea, assessor):
    client = signed_in(assessor)
    response = client.post(url("assess", sheet.plan, pk=idea.pk), form_data(
        sheet, **{"measurable-score": "5", "measurable-evidence": "Typed evidence"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Measurable: score 5 is above the scale&#x27;s highest, 3." in page
    assert "Typed evidence" in page
    assert not Assessment.objects.exists()


def test_a_save_from_a_stale_page_shows_both_versions(sheet, idea, assessor):
    services.save_assessment(idea, actor=assessor, scores={"specific": {"score": 3}})
    services.save_assessment(idea, actor=assessor, scores={"specific": {"score": 1}},
                             version=1)
    client = signed_in(assessor)
    response = client.post(url("assess", sheet.plan, pk=idea.pk),
                           form_data(sheet, score="0", version=1))
    page = response.content.decode()
    assert response.status_code == 409
    assert "You saved this assessment elsewhere" in page and "What is saved now" in page
    assert Assessment.objects.get().version == 2


def test_others_scores_only_after_submitting_ones_own(plan, sheet, idea, assessor,
                                                      coordinator, cso_member):
    other = make_assessor(plan, "second@example.org", name="Second Assessor")
    submit(idea, other, sheet, score=3, evidence="Strong evidence")
    client = signed_in(assessor)
    before = client.get(url("assess", plan, pk=idea.pk)).content.decode()
    assert "Strong evidence" not in before
    assert "once you have submitted yours" in before
    assert client.get(url("idea_scores", plan, pk=idea.pk)).status_code == 403
    submit(idea, assessor, sheet, score=1)
    after = client.get(url("assess", plan, pk=idea.pk)).content.decode()
    assert "Strong evidence" in after and "Assessor 1" in after
    assert "Assessors disagree" in after  # 3 and 1: spread 2 above the margin 1
    # Coordinators always, by name; the public only once the sheet is closed.
    coordinating = signed_in(coordinator).get(url("idea_scores", plan, pk=idea.pk))
    assert coordinating.status_code == 200 and "Second Assessor" in coordinating.content.decode()
    assert signed_in(cso_member).get(url("idea_scores", plan, pk=idea.pk)).status_code == 403
    criteria_services.close_assessment(sheet, actor=coordinator)
    public = Client().get(url("idea_scores", plan, pk=idea.pk))
    assert public.status_code == 200 and "Strong evidence" in public.content.decode()
    assert "Second Assessor" not in public.content.decode()


def test_the_pages_are_refused_to_others(plan, sheet, idea, cso_member, component_leader):
    for person in (cso_member, component_leader):
        client = signed_in(person)
        assert client.get(url("my_assessments", plan)).status_code == 403
        assert client.get(url("assess", plan, pk=idea.pk)).status_code == 403
        assert client.post(url("assess", plan, pk=idea.pk), form_data(sheet)).status_code == 403
    assert not Assessment.objects.exists()
    other = plan.goals.get().components.exclude(pk=idea.component_id).get()
    outsider = make_assessor(plan, "b.assessor@example.org", component=other)
    assert signed_in(outsider).get(url("assess", plan, pk=idea.pk)).status_code == 403


def test_my_list_runs_a_fixed_number_of_queries(plan, coordinator, component, sheet,
                                                assessor):
    client = signed_in(assessor)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("my_assessments", plan)).status_code == 200
        return len(queries)

    record_idea(plan, coordinator, component, "One")
    few = count()
    for number in range(12):
        idea = record_idea(plan, coordinator, component, f"Idea {number}")
        if number % 2:
            submit(idea, assessor, sheet)
    assert count() == few


def test_the_plans_history_tells_of_assessments_without_their_scores(client, plan, sheet,
                                                                     idea, assessor,
                                                                     coordinator):
    submit(idea, assessor, sheet, score=3, evidence="Private evidence")
    response = client.get(reverse("plans:history", kwargs={"slug": plan.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Assessment was added by an assessor." in page
    assert "Private evidence" not in page and "3.000" not in page

"""The criteria sheet's pages: public reading in both languages, the coordinator's edits
through the forms (errors kept, conflicts shown), refusals, and choosing assessors."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bashke.accounts.models import Sector
from bashke.assessment.models import CriteriaSheet, ForumMember
from bashke.assessment.services import criteria as services
from bashke.plans.models import PlanRole, Role

from personas import make_user

pytestmark = pytest.mark.django_db


def url(name, plan, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"assessment:{name}", kwargs={"slug": plan.slug, **kwargs})


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language, heading, measurable", [
    ("en", "Criteria for assessing the ideas of", "Measurable"),
    ("sq", "Kriteret për vlerësimin e ideve të", "E matshme"),
])
def test_the_sheet_is_public_in_both_languages(client, plan, language, heading, measurable):
    response = client.get(url("criteria", plan, language))
    page = response.content.decode()
    assert response.status_code == 200
    assert measurable in page
    if language == "en":
        assert heading in page
    assert "Add a criterion" not in page


def test_an_older_plan_gets_its_sheet_on_first_view(client, plan):
    CriteriaSheet.objects.filter(plan=plan).delete()
    assert client.get(url("criteria", plan)).status_code == 200
    assert CriteriaSheet.objects.get(plan=plan).criteria.count() == 13


def test_coordinator_adds_a_criterion_and_a_mistake_keeps_what_was_typed(plan, coordinator):
    client = signed_in(coordinator)
    sheet = plan.criteria_sheet
    page = client.get(url("criteria", plan)).content.decode()
    assert "Add a criterion" in page and "Open assessment" in page
    bad = client.post(url("criterion_add", plan), {
        "version": sheet.version, "title_en": "", "title_sq": "", "guidance_en": "Kept text",
        "weight": "-2"})
    assert bad.status_code == 200
    assert "Give the criterion a title" in bad.content.decode()
    assert "Kept text" in bad.content.decode()
    assert sheet.criteria.count() == 13
    good = client.post(url("criterion_add", plan), {
        "version": sheet.version, "title_en": "Gender equality", "title_sq": "Barazia gjinore",
        "weight": "1"})
    assert good.status_code == 302
    assert sheet.criteria.filter(code="gender-equality").exists()


def test_a_second_coordinator_saving_over_the_first_sees_both(plan, coordinator):
    client = signed_in(coordinator)
    sheet = plan.criteria_sheet
    seen = sheet.version
    services.update_sheet(sheet, actor=coordinator, version=seen, scale_min=0, scale_max=5,
                          disagreement_margin=2)
    response = client.post(url("criteria_scale", plan), {
        "version": seen, "scale_min": "0", "scale_max": "10", "disagreement_margin": "3"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed the criteria sheet" in page
    assert "What the sheet says now" in page and 'value="10"' in page
    sheet.refresh_from_db()
    assert sheet.scale_max == 5


def test_edit_pages_send_back_once_open(plan, coordinator):
    services.open_assessment(plan.criteria_sheet, actor=coordinator)
    client = signed_in(coordinator)
    criterion = plan.criteria_sheet.criteria.first()
    response = client.get(url("criterion_edit", plan, pk=criterion.pk), follow=True)
    assert "can no longer change" in response.content.decode()
    assert response.redirect_chain[-1][0] == url("criteria", plan)


@pytest.mark.parametrize("persona", ["assessor", "component_leader", "cso_member"])
def test_others_are_refused(request, plan, persona):
    client = signed_in(request.getfixturevalue(persona))
    for name in ("criterion_add", "criteria_scale", "assessors"):
        assert client.get(url(name, plan)).status_code == 403
    response = client.post(url("criteria_status", plan), {"action": "open"})
    assert response.status_code == 403
    assert plan.criteria_sheet.status == "preparing"


def test_anonymous_is_sent_to_log_in(client, plan):
    response = client.get(url("criterion_add", plan))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_open_and_close_from_the_sheet(plan, coordinator):
    client = signed_in(coordinator)
    response = client.post(url("criteria_status", plan), {"action": "open"}, follow=True)
    assert "Assessment is open" in response.content.decode()
    client.post(url("criteria_status", plan), {"action": "close"})
    assert CriteriaSheet.objects.get(plan=plan).status == "closed"


def test_assessors_from_the_forum_or_by_address(plan, coordinator, component):
    member = make_user("forum@example.org", "Forum Member", sector=Sector.CIVIL_SOCIETY)
    ForumMember.objects.create(plan=plan, user=member, name="Forum Member",
                               sector=Sector.CIVIL_SOCIETY, joined_on=plan.start)
    outsider = make_user("outside@example.org", "Outside Expert")
    client = signed_in(coordinator)
    page = client.get(url("assessors", plan)).content.decode()
    assert "Forum Member" in page and "Outside Expert" not in page
    client.post(url("assessors", plan), {"person": member.pk, "component": component.pk})
    client.post(url("assessors", plan), {"email": "OUTSIDE@example.org", "component": ""})
    roles = PlanRole.objects.filter(plan=plan, role=Role.ASSESSOR)
    assert {(r.user_id, r.component_id) for r in roles} == {(member.pk, component.pk),
                                                           (outsider.pk, None)}
    unknown = client.post(url("assessors", plan), {"email": "nobody@example.org"})
    assert "No account has this address" in unknown.content.decode()
    role = roles.get(user=outsider)
    client.post(url("assessor_remove", plan, pk=role.pk))
    assert not PlanRole.objects.filter(pk=role.pk).exists()

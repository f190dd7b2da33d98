"""The admin shows a plan's criteria sheet and assessments to its coordinators only, and
changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from scoring_helpers import open_sheet, record_idea, submit

pytestmark = pytest.mark.django_db


def test_the_admin_is_scoped_and_read_only(plan, coordinator, component, assessor,
                                           other_plan_coordinator, staff_without_role):
    sheet = open_sheet(plan, coordinator)
    assessment = submit(record_idea(plan, coordinator, component), assessor, sheet)
    coordinator.is_staff = True
    coordinator.save()
    client = Client()
    client.force_login(coordinator)
    change = reverse("admin:assessment_assessment_change", args=[assessment.pk])
    assert client.get(reverse("admin:assessment_criteriasheet_changelist")).status_code == 200
    page = client.get(change)
    assert page.status_code == 200 and "Open budget data" in page.content.decode()
    assert client.post(change, {}).status_code == 403
    for person in (other_plan_coordinator, staff_without_role):
        other = Client()
        other.force_login(person)
        listing = other.get(reverse("admin:assessment_assessment_changelist"))
        assert listing.status_code in (200, 403)
        assert "Open budget data" not in listing.content.decode()
        assert other.get(change).status_code in (302, 403, 404)

"""Drafting through the pages: adding and editing with errors on the fields, the conflict
page when two people save the same item, moving, deleting, the refusal of an approved plan,
and the evidence of a measure."""

import pytest
from django.urls import reverse
from django.utils import timezone
from table_helpers import build_table, meeting

from bashke.drafting.models import Activity, Measure, PlanVersion, VersionStatus

pytestmark = pytest.mark.django_db


def _url(plan, name, **kwargs):
    return reverse(name, kwargs={"slug": plan.slug, **kwargs})


def _body(plan, **overrides):
    body = {"title_sq": "Ngritja e qendrës", "title_en": "Establishing the centre",
            "responsible": "", "start": "2021-01-01", "end": "2021-12-31", "cost": "1.250,50",
            "state_budget": "250", "foreign_financing": "", "indicator_en": "Centres open",
            "target_en": "One centre", "version": 0}
    body.update(overrides)
    return body


def test_a_leader_adds_an_activity_typed_the_albanian_way(client_for, plan, component,
                                                          component_leader, agency):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    client = client_for(component_leader)
    url = _url(plan, "drafting:activity_create", pk=measure.pk).replace("/en/", "/sq/")
    response = client.post(url, _body(plan, responsible=agency.pk))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert str(activity.cost) == "1250.50" and activity.financing_gap == 1000 + activity.cost - \
        1000 - 250
    assert activity.responsible == agency


def test_an_out_of_period_date_is_refused_on_the_field_and_what_was_typed_is_kept(
        client_for, plan, component, component_leader):
    objective, = build_table(component, activities=0)
    client = client_for(component_leader)
    response = client.post(_url(plan, "drafting:activity_create",
                                pk=objective.measures.get().pk),
                           _body(plan, end="2023-03-31", title_en="Establishing my centre"))
    assert response.status_code == 400
    form = response.context["form"]
    assert "the end must fall within it" in form.errors["end"][0]
    assert "Establishing my centre" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_typed_amount_that_is_no_number_is_refused(client_for, plan, component,
                                                     component_leader):
    objective, = build_table(component, activities=0)
    response = client_for(component_leader).post(
        _url(plan, "drafting:activity_create", pk=objective.measures.get().pk),
        _body(plan, cost="a lot"))
    assert response.status_code == 400
    assert "Give a number" in response.context["form"].errors["cost"][0]


def test_two_people_saving_the_same_activity_the_second_sees_both_versions(
        client_for, plan, component, coordinator, component_leader):
    build_table(component, activities=1)
    activity = Activity.objects.get()
    url = _url(plan, "drafting:activity_edit", pk=activity.pk)
    first, second = client_for(coordinator), client_for(component_leader)
    # Both open the form at version 1.
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert 'name="version" value="1"' in second.get(url).content.decode()
    assert first.post(url, _body(plan, title_en="Establishing two centres",
                                 version=1)).status_code == 302
    response = second.post(url, _body(plan, title_en="Establishing three centres", version=1))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this item" in page
    assert "Establishing three centres" in page and "Establishing two centres" in page
    assert Activity.objects.get().title_en == "Establishing two centres"
    # The form now carries the saved version: saving again replaces it knowingly.
    assert 'name="version" value="2"' in page
    assert second.post(url, _body(plan, title_en="Establishing three centres",
                                  version=2)).status_code == 302
    assert Activity.objects.get().title_en == "Establishing three centres"


def test_moving_and_deleting_through_the_pages(client_for, plan, component, coordinator):
    build_table(component, activities=2)
    first, second = Activity.objects.order_by("position")
    client = client_for(coordinator)
    client.post(_url(plan, "drafting:activity_move", pk=first.pk), {"direction": "down"})
    assert list(Activity.objects.order_by("position").values_list("pk", flat=True)) == [
        second.pk, first.pk]
    response = client.post(_url(plan, "drafting:activity_delete", pk=first.pk),
                           {"version": first.version})
    assert response.status_code == 302
    assert list(Activity.objects.values_list("pk", flat=True)) == [second.pk]


def test_the_leader_of_another_component_is_refused(client_for, plan, component,
                                                    component_leader):
    other = plan.goals.get(number=1).components.get(slug="transparency")
    build_table(other, activities=1)
    response = client_for(component_leader).get(
        _url(plan, "drafting:activity_edit", pk=Activity.objects.get().pk))
    assert response.status_code == 403


def test_an_approved_plan_says_why_nothing_can_be_changed(client_for, plan, component,
                                                          coordinator):
    build_table(component, activities=1)
    PlanVersion.objects.create(plan=plan, number=1, snapshot={}, frozen_at=timezone.now(),
                               status=VersionStatus.APPROVED)
    client = client_for(coordinator)
    response = client.get(_url(plan, "drafting:activity_edit", pk=Activity.objects.get().pk))
    assert response.status_code == 403
    assert "approved version" in response.content.decode()
    page = client.get(_url(plan, "drafting:table")).content.decode()
    assert "can no longer be changed" in page and "Edit" not in page


def test_the_measure_page_links_the_meeting_that_selected_it(client, client_for, plan,
                                                            component, coordinator):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    held = meeting(plan, coordinator, days=-3, component=component,
                   title_en="Working meeting on priorities")
    response = client_for(coordinator).post(_url(plan, "drafting:measure_edit", pk=measure.pk), {
        "title_en": measure.title_en, "title_sq": measure.title_sq, "version": measure.version,
        "evidence_meeting": held.pk})
    assert response.status_code == 302
    page = client.get(_url(plan, "drafting:measure", pk=measure.pk)).content.decode()
    assert held.get_absolute_url() in page and "Working meeting on priorities" in page


def test_a_meeting_still_to_come_is_no_evidence(client_for, plan, component, coordinator):
    objective, = build_table(component, activities=0)
    measure = objective.measures.get()
    upcoming = meeting(plan, coordinator, days=3, component=component)
    response = client_for(coordinator).post(_url(plan, "drafting:measure_edit", pk=measure.pk), {
        "title_en": "Establishing centres", "version": measure.version,
        "evidence_meeting": upcoming.pk})
    assert response.status_code == 400
    assert Measure.objects.get().evidence_meeting is None


def test_a_measure_is_moved_to_another_objective_from_its_edit_page(client_for, plan,
                                                                    component, coordinator):
    first, second = build_table(component, objectives=2, measures=1, activities=0)
    measure = first.measures.get()
    client = client_for(coordinator)
    page = client.get(_url(plan, "drafting:measure_edit", pk=measure.pk)).content.decode()
    assert f'<option value="{second.pk}">' in page
    response = client.post(_url(plan, "drafting:measure_move", pk=measure.pk),
                           {"to": second.pk})
    assert response.status_code == 302
    assert Measure.objects.get(pk=measure.pk).objective == second

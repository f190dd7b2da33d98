"""Who may write briefs and examples, one persona at a time, for the predicates and for the
pages and services that use them."""

import pytest
from django.core.exceptions import PermissionDenied

from bashke.consultation.models import Brief, BriefKind, Example
from bashke.consultation.services import briefs as services
from bashke.plans.rules import ALL, components_run_by

PERSONAS = ["coordinator", "component_leader", "secretariat_member", "assessor", "reviewer",
            "moderator", "cso_member", "citizen", "anonymous", "staff", "staff_without_role",
            "other_plan_coordinator"]


@pytest.fixture
def other_component(plan):
    return plan.goals.get(number=1).components.get(slug="transparency")


@pytest.fixture
def plan_brief(plan):
    return services.create_brief(plan, actor=None, kind=BriefKind.CRITERIA,
                                 title_en="Criteria", published=True)


@pytest.fixture
def component_brief(plan, component):
    return services.create_brief(plan, actor=None, kind=BriefKind.BACKGROUND,
                                 component=component, title_en="Accessibility background")


@pytest.fixture
def other_brief(plan, other_component):
    return services.create_brief(plan, actor=None, kind=BriefKind.BACKGROUND,
                                 component=other_component, title_en="Transparency background")


# persona: (whole plan, own component, another component, send the package, examples)
EXPECTED = {
    "coordinator": (True, True, True, True, True),
    "component_leader": (False, True, False, False, False),
    "secretariat_member": (False, True, False, False, False),
    "assessor": (False, False, False, False, False),
    "reviewer": (False, False, False, False, False),
    "moderator": (False, False, False, False, False),
    "cso_member": (False, False, False, False, False),
    "citizen": (False, False, False, False, False),
    "anonymous": (False, False, False, False, False),
    "staff": (True, True, True, True, True),  # a superuser
    # Opening the admin grants nothing; coordinating another plan grants only the shared
    # examples library.
    "staff_without_role": (False, False, False, False, False),
    "other_plan_coordinator": (False, False, False, False, True),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permissions_per_persona(request, persona, plan, component, other_component,
                                 plan_brief, component_brief, other_brief):
    user = request.getfixturevalue(persona)
    whole, own, other, send, examples = EXPECTED[persona]

    assert user.has_perm("consultation.manage_brief", plan) is whole
    assert user.has_perm("consultation.manage_brief", plan_brief) is whole
    assert user.has_perm("consultation.manage_brief", component) is own
    assert user.has_perm("consultation.manage_brief", component_brief) is own
    assert user.has_perm("consultation.manage_brief", other_component) is other
    assert user.has_perm("consultation.manage_brief", other_brief) is other
    assert user.has_perm("consultation.add_brief", plan) is (whole or own)
    assert user.has_perm("consultation.send_package", plan) is send
    assert user.has_perm("consultation.manage_example") is examples
    # The lists' one-query helper says the same as the predicates.
    runs = components_run_by(user, plan)
    assert (runs is ALL, component_brief.component_id in runs,
            other_brief.component_id in runs) == (whole, own, other)


def test_a_coordinator_of_another_plan_manages_nothing_here(plan, previous_plan,
                                                              component_brief):
    from bashke.plans import services as plan_services
    from bashke.plans.models import Role

    from personas import make_user

    elsewhere = make_user("other@example.org", "Other coordinator")
    plan_services.assign_role(previous_plan, elsewhere, Role.COORDINATOR, actor=None)
    assert not elsewhere.has_perm("consultation.manage_brief", plan)
    assert not elsewhere.has_perm("consultation.manage_brief", component_brief)
    # Examples are shared by every plan: any coordinator may keep them.
    assert elsewhere.has_perm("consultation.manage_example")


def test_services_refuse_a_component_leader_outside_their_component(
        component_leader, plan, component, other_component, component_brief, other_brief):
    with pytest.raises(PermissionDenied):
        services.create_brief(plan, actor=component_leader, kind=BriefKind.OTHER,
                              title_en="Plan-wide")
    with pytest.raises(PermissionDenied):
        services.create_brief(plan, actor=component_leader, kind=BriefKind.OTHER,
                              component=other_component, title_en="Not mine")
    with pytest.raises(PermissionDenied):
        services.update_brief(other_brief, actor=component_leader, title_en="Taken over")
    with pytest.raises(PermissionDenied):
        # Moving their own brief to the whole plan is writing a plan-wide brief.
        services.update_brief(component_brief, actor=component_leader, component=None)
    with pytest.raises(PermissionDenied):
        services.create_example(actor=component_leader, slug="x", country_code="FR",
                                country_sq="Franca", country_en="France", period="2020",
                                start_year=2020, end_year=2020, title_sq="T", title_en="T",
                                summary_sq="S", summary_en="S", theme="digital",
                                source_url="https://example.org/")
    assert services.create_brief(plan, actor=component_leader, kind=BriefKind.OTHER,
                                 component=component, title_en="Mine").component == component
    assert Brief.objects.get(pk=other_brief.pk).title_en == "Transparency background"
    assert not Example.objects.exists()


def test_only_the_coordinator_records_where_the_package_was_sent(
        plan, component, coordinator, component_leader):
    package = services.create_brief(plan, actor=coordinator, kind=BriefKind.METHODOLOGY,
                                    title_en="Package")
    with pytest.raises(PermissionDenied):
        services.mark_package_sent(package, actor=component_leader, components=[component])
    services.mark_package_sent(package, actor=coordinator, components=[component])
    assert list(package.sent_to.all()) == [component]


@pytest.mark.parametrize("persona,status", [
    ("anonymous", 302), ("citizen", 403), ("assessor", 403), ("component_leader", 200),
    ("secretariat_member", 200), ("coordinator", 200), ("staff", 200),
    ("staff_without_role", 403), ("other_plan_coordinator", 403)])
def test_the_new_brief_page_per_persona(request, client, client_for, plan, persona, status):
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    response = browser.get(f"/en/plans/{plan.slug}/briefs/new/")
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/en/accounts/login/")


def test_a_component_leader_can_choose_only_their_component(client_for, component_leader,
                                                            plan, component, other_component):
    page = client_for(component_leader).get(f"/en/plans/{plan.slug}/briefs/new/")
    form = page.context["form"]
    assert list(form.fields["component"].queryset) == [component]
    assert form.fields["component"].required
    response = client_for(component_leader).post(f"/en/plans/{plan.slug}/briefs/new/", {
        "kind": "background", "component": other_component.pk, "title_en": "Not mine",
        "title_sq": "", "body_sq": "", "body_en": "", "order": 1})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not Brief.objects.exists()


@pytest.mark.parametrize("persona,status", [
    ("anonymous", 302), ("citizen", 403), ("component_leader", 403), ("coordinator", 200)])
def test_the_package_page_is_the_coordinators(request, client, client_for, plan, persona,
                                              status):
    package = services.create_brief(plan, actor=None, kind=BriefKind.METHODOLOGY,
                                    title_en="Package", published=True)
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    assert browser.get(f"/en/plans/{plan.slug}/briefs/{package.pk}/sent/").status_code == status


@pytest.mark.parametrize("persona,status", [
    ("anonymous", 302), ("citizen", 403), ("component_leader", 403), ("coordinator", 200),
    ("staff", 200), ("staff_without_role", 403), ("other_plan_coordinator", 200)])
def test_the_new_example_page_per_persona(request, client, client_for, persona, status):
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    assert browser.get("/en/examples/new/").status_code == status


def test_writes_by_post_are_refused_to_those_without_the_permission(
        client_for, citizen, component_leader, plan, plan_brief, other_brief):
    # A published brief they may not change: forbidden. An unpublished one of another
    # component: not there at all for them.
    for user, brief, status in ((citizen, plan_brief, 403), (component_leader, plan_brief, 403),
                                (component_leader, other_brief, 404)):
        base = f"/en/plans/{plan.slug}/briefs/{brief.pk}/"
        browser = client_for(user)
        assert browser.post(base + "publish/", {"published": "0"}).status_code == status
        assert browser.post(base + "edit/", {"title_en": "x"}).status_code == status
        assert browser.get(base + "documents/new/").status_code == status
    assert Brief.objects.get(pk=plan_brief.pk).published is True
    assert Brief.objects.get(pk=plan_brief.pk).title_en == "Criteria"

"""The plan's briefs: public list and page, writing them through the web pages, the
methodological package sent to component leaders, and the number of queries."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bashke.consultation.demos.briefs import simple_pdf
from bashke.consultation.models import Brief, BriefKind
from bashke.consultation.services import briefs as services
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def other_component(plan):
    return plan.goals.get(number=1).components.get(slug="transparency")


def brief(plan, title, *, kind=BriefKind.BACKGROUND, component=None, published=True, **extra):
    return services.create_brief(plan, actor=None, kind=kind, component=component,
                                 title_en=title, title_sq=extra.pop("title_sq", ""),
                                 published=published, **extra)


def form_data(**extra):
    data = {"kind": "background", "component": "", "title_sq": "", "title_en": "",
            "body_sq": "", "body_en": "", "order": "1"}
    data.update(extra)
    return data


def test_the_list_shows_plan_wide_briefs_first_then_each_component(
        client, plan, component, other_component):
    brief(plan, "Transparency brief", component=other_component)
    brief(plan, "Accessibility brief", component=component)
    brief(plan, "Second plan brief", order=2)
    brief(plan, "First plan brief", order=1)
    brief(plan, "A draft nobody sees", published=False)

    page = client.get(f"/en/plans/{plan.slug}/briefs/").content.decode()

    order = ["The whole plan", "First plan brief", "Second plan brief",
             "Accessibility to Justice", "Accessibility brief",
             "Transparency &amp; Accountability", "Transparency brief"]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    assert "A draft nobody sees" not in page
    assert page.count("<h1>") == 1


def test_unpublished_briefs_are_listed_for_those_who_manage_them(
        client_for, plan, component, other_component, component_leader, coordinator):
    brief(plan, "Own draft", component=component, published=False)
    brief(plan, "Someone else's draft", component=other_component, published=False)

    leader_page = client_for(component_leader).get(
        f"/en/plans/{plan.slug}/briefs/").content.decode()
    assert "Own draft" in leader_page and "Someone else&#x27;s draft" not in leader_page
    assert "Not published" in leader_page
    coordinator_page = client_for(coordinator).get(
        f"/en/plans/{plan.slug}/briefs/").content.decode()
    assert "Own draft" in coordinator_page and "Someone else&#x27;s draft" in coordinator_page


def test_the_brief_page_renders_markdown_light_and_escapes_the_rest(client, plan):
    item = brief(plan, "Criteria", kind=BriefKind.CRITERIA,
                 body_en="Read **this** first.\n\n- one\n- two\n\n<script>alert(1)</script> "
                         "[OGP](https://www.opengovpartnership.org/)")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<strong>this</strong>" in page and "<li>one</li>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert 'rel="nofollow ugc"' in page
    assert "Criteria for including ideas" in page  # the kind


def test_the_brief_page_falls_back_to_the_other_language_and_says_so(client, plan):
    item = services.create_brief(plan, actor=None, kind=BriefKind.BACKGROUND,
                                 title_sq="Informacion", body_sq="Vetëm shqip.",
                                 published=True)
    page = client.get(f"/en/plans/{plan.slug}/briefs/{item.pk}/").content.decode()
    assert '<h1 lang="sq">Informacion</h1>' in page
    assert '<div class="brief-body" lang="sq"><p>Vetëm shqip.</p></div>' in page


def test_an_unpublished_or_foreign_brief_is_404(client, plan, previous_plan):
    hidden = brief(plan, "Draft", published=False)
    elsewhere = brief(previous_plan, "Old plan's brief")
    assert client.get(f"/en/plans/{plan.slug}/briefs/{hidden.pk}/").status_code == 404
    assert client.get(f"/en/plans/{plan.slug}/briefs/{elsewhere.pk}/").status_code == 404
    assert client.get("/en/plans/no-such-plan/briefs/").status_code == 404


def test_a_coordinator_writes_a_brief_and_it_is_in_the_plans_history(client_for, coordinator,
                                                                     plan, client):
    response = client_for(coordinator).post(f"/en/plans/{plan.slug}/briefs/new/", form_data(
        kind="criteria", title_sq="Kriteret", title_en="Criteria", body_en="The criteria.",
        published="on"))
    item = Brief.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert (item.plan, item.component, item.kind, item.published) == (
        plan, None, "criteria", True)
    entry = AuditEntry.objects.get(object_type="consultation.brief")
    assert entry.actor == coordinator and entry.scope == plan.audit_scope
    history = client.get(f"/en/plans/{plan.slug}/history/").content.decode()
    assert "Criteria" in history


def test_a_form_with_errors_keeps_what_was_typed_and_saves_nothing(client_for, coordinator,
                                                                   plan):
    response = client_for(coordinator).post(f"/en/plans/{plan.slug}/briefs/new/", form_data(
        body_en="A long text I wrote.", order="-3"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give the brief a title in at least one language." in page
    assert "A long text I wrote." in page
    assert "Ensure this value is greater than or equal to 0." in page
    assert not Brief.objects.exists()


def test_editing_a_brief_changes_only_what_changed(client_for, component_leader, plan,
                                                   component):
    item = brief(plan, "Background", component=component, body_en="Old text.")
    response = client_for(component_leader).post(
        f"/en/plans/{plan.slug}/briefs/{item.pk}/edit/",
        form_data(component=component.pk, title_en="Background", body_en="New text.",
                  published="on"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body_en == "New text."
    entry = AuditEntry.objects.filter(object_type="consultation.brief",
                                      action="update").get()
    assert entry.changes == {"body_en": ["Old text.", "New text."]}


def test_publishing_and_unpublishing(client_for, client, coordinator, plan):
    item = brief(plan, "Background", published=False)
    url = f"/en/plans/{plan.slug}/briefs/{item.pk}/"
    assert client.get(url).status_code == 404
    client_for(coordinator).post(url + "publish/", {"published": "1"})
    assert client.get(url).status_code == 200
    client_for(coordinator).post(url + "publish/", {"published": "0"})
    assert client.get(url).status_code == 404
    assert client_for(coordinator).get(url + "publish/").status_code == 405


def test_the_coordinator_records_to_which_leaders_the_package_was_sent(
        client_for, client, coordinator, plan, component, other_component):
    package = brief(plan, "Methodological package", kind=BriefKind.METHODOLOGY)
    assert "Not yet sent to the component leaders." in client.get(
        package.get_absolute_url()).content.decode()

    response = client_for(coordinator).post(
        f"/en/plans/{plan.slug}/briefs/{package.pk}/sent/",
        {"sent_to": [component.pk, other_component.pk], "sent_on": "2020-07-15"})

    assert response.status_code == 302
    package.refresh_from_db()
    assert set(package.sent_to.all()) == {component, other_component}
    assert package.sent_at.date() == datetime.date(2020, 7, 15)
    page = client.get(package.get_absolute_url()).content.decode()
    assert "Sent on 15 July 2020 to the leaders of:" in page
    assert "Accessibility to Justice" in page
    listing = client.get(f"/en/plans/{plan.slug}/briefs/").content.decode()
    assert "Sent on 15 July 2020" in listing
    entry = AuditEntry.objects.filter(object_type="consultation.brief",
                                      action="update").get()
    assert entry.changes["sent_to"] == [[], sorted([component.pk, other_component.pk])]


def test_only_a_methodological_package_is_sent(client_for, coordinator, plan, component):
    criteria = brief(plan, "Criteria", kind=BriefKind.CRITERIA)
    assert client_for(coordinator).get(
        f"/en/plans/{plan.slug}/briefs/{criteria.pk}/sent/").status_code == 404
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.mark_package_sent(criteria, actor=coordinator, components=[component])


def test_a_component_of_another_plan_is_refused(plan, previous_plan, coordinator):
    goal = plan_services.add_goal(previous_plan, actor=None, number=1, title_sq="Q",
                                  title_en="Old goal")
    foreign = plan_services.add_component(goal, actor=None, slug="old", position=1,
                                          title_sq="K", title_en="Old component")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.create_brief(plan, actor=coordinator, kind=BriefKind.OTHER,
                              component=foreign, title_en="Wrong plan")
    assert "component" in caught.value.message_dict
    package = brief(plan, "Package", kind=BriefKind.METHODOLOGY)
    with pytest.raises(ValidationError):
        services.mark_package_sent(package, actor=coordinator, components=[foreign])


def grow(plan, components, first, briefs=30, documents=2):
    made = [brief(plan, f"Brief {number}", component=components[number % len(components)],
                  kind=BriefKind.METHODOLOGY) for number in range(briefs)]
    for number, item in enumerate([first, *made]):
        for index in range(documents):
            services.add_document(item, actor=None, uploaded=SimpleUploadedFile(
                f"d{index}.pdf", simple_pdf([f"{number}"])))
        services.mark_package_sent(item, actor=None, components=components)


@pytest.mark.parametrize("persona", ["anonymous", "coordinator", "component_leader"])
@pytest.mark.parametrize("page", ["list", "detail"])
def test_brief_pages_run_a_fixed_number_of_queries(
        request, client, client_for, plan, component, other_component, persona, page,
        django_assert_max_num_queries):
    user = request.getfixturevalue(persona)
    browser = client if persona == "anonymous" else client_for(user)
    first = brief(plan, "First", kind=BriefKind.METHODOLOGY, component=component)
    url = (f"/en/plans/{plan.slug}/briefs/" if page == "list"
           else first.get_absolute_url())
    with django_assert_max_num_queries(10) as small:
        assert browser.get(url).status_code == 200
    grow(plan, [component, other_component], first)
    with django_assert_max_num_queries(10) as large:
        assert browser.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_body_longer_than_the_renderer_takes_is_refused_not_a_crash(plan):
    from django.core.exceptions import ValidationError

    from bashke.consultation.models.briefs import BODY_MAX_LENGTH

    with pytest.raises(ValidationError) as caught:
        services.create_brief(plan, actor=None, kind=BriefKind.OTHER, title_en="Long",
                              body_en="x" * (BODY_MAX_LENGTH + 1))
    assert "body_en" in caught.value.message_dict
    assert not Brief.objects.exists()


def test_the_pages_in_albanian(client, plan, component):
    services.create_brief(plan, actor=None, kind=BriefKind.BACKGROUND, component=component,
                          title_sq="Sfondi", title_en="Background", body_sq="Teksti shqip.",
                          body_en="English text.", published=True)
    listing = client.get(f"/sq/plans/{plan.slug}/briefs/").content.decode()
    assert '<html lang="sq">' in listing and "Sfondi" in listing
    assert "Aksesueshmëria në drejtësi" in listing and ">Background</a>" not in listing
    item = Brief.objects.get()
    page = client.get(f"/sq/plans/{plan.slug}/briefs/{item.pk}/").content.decode()
    assert "Teksti shqip." in page and "English text." not in page


def test_managers_see_the_actions_and_others_do_not(client, client_for, plan, component,
                                                    component_leader, coordinator, citizen):
    package = brief(plan, "Package", kind=BriefKind.METHODOLOGY)
    own = brief(plan, "Own", component=component)
    for user, target, actions in (
            (coordinator, package, {"Edit the brief", "Add a document",
                                    "Record to whom the package was sent", "Unpublish"}),
            (component_leader, own, {"Edit the brief", "Add a document", "Unpublish"}),
            (component_leader, package, set()),
            (citizen, own, set())):
        page = client_for(user).get(target.get_absolute_url()).content.decode()
        everything = {"Edit the brief", "Add a document", "Record to whom the package was sent",
                      "Unpublish"}
        assert {text for text in everything if text in page} == actions, (user, target)
    assert "Add a brief" in client_for(component_leader).get(
        f"/en/plans/{plan.slug}/briefs/").content.decode()
    assert "Add a brief" not in client.get(f"/en/plans/{plan.slug}/briefs/").content.decode()


def test_the_admin_saves_through_the_service(client_for, staff, plan):
    response = client_for(staff).post("/en/admin/consultation/brief/add/", {
        "plan": plan.pk, "component": "", "kind": "background", "title_sq": "",
        "title_en": "From the admin", "body_sq": "", "body_en": "", "order": "1",
        "published": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    item = Brief.objects.get()
    assert item.title_en == "From the admin" and item.plan == plan
    assert AuditEntry.objects.filter(object_type="consultation.brief", actor=staff,
                                     scope=plan.audit_scope).exists()


def test_days_are_shown_in_the_plans_time_zone(client, plan, component):
    import zoneinfo

    package = brief(plan, "Package", kind=BriefKind.METHODOLOGY)
    # Half past midnight in Tirana is still the previous day in UTC.
    services.mark_package_sent(package, actor=None, components=[component],
                               sent_at=datetime.datetime(2020, 7, 16, 0, 30,
                                                         tzinfo=zoneinfo.ZoneInfo("Europe/Tirane")))
    page = client.get(package.get_absolute_url()).content.decode()
    assert "Sent on 16 July 2020" in page


def test_the_writing_pages_render_with_what_is_saved(client_for, coordinator, plan):
    item = brief(plan, "Saved title", kind=BriefKind.METHODOLOGY, body_en="Saved text.")
    browser = client_for(coordinator)
    edit = browser.get(f"/en/plans/{plan.slug}/briefs/{item.pk}/edit/").content.decode()
    assert 'value="Saved title"' in edit and "Saved text." in edit
    assert '<li aria-current="page">Edit</li>' in edit and edit.count("<h1>") == 1
    upload = browser.get(f"/en/plans/{plan.slug}/briefs/{item.pk}/documents/new/")
    assert 'enctype="multipart/form-data"' in upload.content.decode()
    assert "at most 20.0\xa0MB" in upload.content.decode()
    sent = browser.get(f"/en/plans/{plan.slug}/briefs/{item.pk}/sent/").content.decode()
    assert 'type="checkbox"' in sent and "Accessibility to Justice" in sent

"""The versions' pages: list, one version's table with its comments, the coordinator's forms,
the comparison, the decision document; in both languages and in a fixed number of queries."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from versions_helpers import consulting_plan, coordinator_of, make_table

from bashke.core.pdf import simple_pdf
from bashke.drafting import tree
from bashke.drafting.models import Activity, PlanVersion, VersionStatus
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today

from personas import make_user

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def cplan(jurisdiction, ministry, agency):
    plan = consulting_plan(jurisdiction, ministry, agency)
    make_table(plan, institution=agency)
    return plan


@pytest.fixture
def coord(cplan):
    return coordinator_of(cplan)


@pytest.fixture
def coord_client(client, coord):
    client.force_login(coord)
    return client


@pytest.fixture
def citizen_client(client, db):
    person = make_user("qytetar@example.org", "Qytetari")
    client.force_login(person)
    client.person = person
    return client


def url(name, plan, number=None, **extra):
    kwargs = {"slug": plan.slug, **extra}
    if number is not None:
        kwargs["number"] = number
    return reverse(f"drafting:{name}", kwargs=kwargs)


def open_version(plan, coord):
    version = services.freeze(plan, actor=coord, note="First draft")
    return services.publish_for_comment(version, actor=coord, opens=today(),
                                        closes=today() + 5 * DAY)


def test_the_coordinator_freezes_from_the_page(coord_client, cplan):
    page = coord_client.get(url("versions", cplan))
    assert page.status_code == 200
    assert url("version_freeze", cplan).encode() in page.content
    response = coord_client.post(url("version_freeze", cplan), {"note": "Draft for comment"})
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert response["Location"] == url("version", cplan, 1)
    assert version.note == "Draft for comment"


def test_visitors_see_versions_but_no_freeze_button(client, cplan, coord):
    services.freeze(cplan, actor=coord)
    page = client.get(url("versions", cplan))
    assert page.status_code == 200
    assert url("version_freeze", cplan).encode() not in page.content
    assert client.get(url("version_freeze", cplan)).status_code == 302  # to log in


@pytest.mark.parametrize("language, title, total", [("en", "Activity 1.1.1", "1,350.5"),
                                                    ("sq", "Aktiviteti 0.0.0", "1.350,5")])
def test_a_version_page_shows_its_table_and_takes_comments(client, cplan, coord, language,
                                                           title, total):
    Activity.objects.filter(pk=Activity.objects.order_by("pk").first().pk).update(
        cost="1250.50")
    open_version(cplan, coord)
    page = client.get(re.sub(r"^/(sq|en)/", f"/{language}/", url("version", cplan, 1)))
    text = page.content.decode()
    assert page.status_code == 200
    assert title in text and ">1.1.2<" in text
    assert f'<td class="amount">{total}</td>' in text  # the measure's rolled-up cost
    assert "/accounts/login/?next=" in text  # a visitor is asked to log in to comment


def test_a_comment_from_the_page(citizen_client, cplan, coord):
    open_version(cplan, coord)
    activity = tree.build(cplan).activities()[0]
    response = citizen_client.post(url("version_comment", cplan, 1), {
        "row": f"activity:{activity.id}", "body": "Add the budget line.", "language": "en"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comments-activity-{activity.id}")
    page = citizen_client.get(url("version", cplan, 1)).content.decode()
    assert "Add the budget line." in page and "1 comment" in page


def test_a_bad_comment_keeps_what_was_typed(citizen_client, cplan, coord):
    open_version(cplan, coord)
    response = citizen_client.post(url("version_comment", cplan, 1), {
        "row": "measure:999999", "body": "Kept text", "language": "sq"})
    assert response.status_code == 400
    assert b"Kept text" in response.content
    assert not PlanVersion.objects.get().comments.exists()


def test_a_comment_on_a_closed_version_is_refused_with_the_reason(citizen_client, cplan,
                                                                  coord):
    services.freeze(cplan, actor=coord)
    row = f"measure:{tree.build(cplan).measures()[0].id}"
    response = citizen_client.post(url("version_comment", cplan, 1), {
        "row": row, "body": "Too early", "language": "en"})
    assert response.status_code == 409
    assert b"has not been published for comment" in response.content


def test_publish_and_approve_forms(coord_client, cplan, coord, media):
    services.freeze(cplan, actor=coord)
    bad = coord_client.post(url("version_publish", cplan, 1), {
        "opens": (today() - 3 * DAY).isoformat(), "closes": today().isoformat()})
    assert bad.status_code == 400 and b"is in the past" in bad.content
    good = coord_client.post(url("version_publish", cplan, 1), {
        "opens": today().isoformat(), "closes": (today() + 3 * DAY).isoformat()})
    assert good.status_code == 302
    assert PlanVersion.objects.get().status == VersionStatus.IN_CONSULTATION
    wrong_file = coord_client.post(url("version_approve", cplan, 1), {
        "body": "GMIP", "approved_on": today().isoformat(), "decision_reference": "12",
        "decision_document": SimpleUploadedFile("vendim.txt", b"hello")})
    assert wrong_file.status_code == 400 and b"not an accepted kind" in wrong_file.content
    approved = coord_client.post(url("version_approve", cplan, 1), {
        "body": "GMIP", "approved_on": today().isoformat(), "decision_reference": "12",
        "decision_document": SimpleUploadedFile("vendim.pdf", simple_pdf(["Vendim"]))})
    assert approved.status_code == 302
    document = coord_client.get(url("version_document", cplan, 1))
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF-")
    assert document["X-Content-Type-Options"] == "nosniff"
    page = coord_client.get(url("version", cplan, 1)).content.decode()
    assert "read-only" in page and url("version_approve", cplan, 1) not in page


def test_a_version_without_document_has_none_to_download(client, cplan, coord):
    services.freeze(cplan, actor=coord)
    assert client.get(url("version_document", cplan, 1)).status_code == 404
    assert client.get(url("version", cplan, 7)).status_code == 404


def test_moderators_hide_from_the_page(coord_client, cplan, coord):
    version = open_version(cplan, coord)
    item = services.comment(version, f"measure:{tree.build(cplan).measures()[0].id}",
                            actor=make_user("a@example.org", "A"), body="Spam spam")
    hide = url("version_comment_hide", cplan, 1, comment=item.pk)
    assert coord_client.post(hide, {"reason": ""}).status_code == 400
    assert coord_client.post(hide, {"reason": "Advertising."}).status_code == 302
    page = coord_client.get(url("version", cplan, 1)).content.decode()
    assert "Advertising." in page and "Spam spam" not in page


def test_the_comparison_marks_each_change_in_words(client, cplan, coord):
    services.freeze(cplan, actor=coord)
    activity = Activity.objects.order_by("pk").first()
    activity.cost = 120
    activity.save()
    Activity.objects.order_by("pk").last().delete()
    services.freeze(cplan, actor=coord)
    page = client.get(url("version_compare", cplan) + "?a=1&b=2")
    text = page.content.decode()
    assert page.status_code == 200
    assert "What changed from version 1 to version 2" in text
    assert 'class="diff-row diff-changed"' in text and 'class="diff-row diff-removed"' in text
    assert "Changed: indicative cost (thousand lek)" in text
    assert "<del><span class=\"visually-hidden\">before: </span>100</del>" in text
    assert "120</ins>" in text
    # The same two versions, the other way round; and a version that does not exist.
    assert client.get(url("version_compare", cplan) + "?a=2&b=1").status_code == 200
    assert client.get(url("version_compare", cplan) + "?a=1&b=9").status_code == 400
    assert client.get(url("version_compare", cplan) + "?a=1&b=1").status_code == 400


def test_pages_exist_in_both_languages(client, cplan, coord):
    open_version(cplan, coord)
    services.freeze(cplan, actor=coord)
    for name, number in (("versions", None), ("version", 1), ("version_compare", None)):
        for language in ("sq", "en"):
            address = re.sub(r"^/(sq|en)/", f"/{language}/", url(name, cplan, number))
            page = client.get(address)
            assert page.status_code == 200, address
            assert f'<html lang="{language}"' in page.content.decode()


def _grow(plan, coord, rounds):
    make_table(plan, objectives=rounds, measures=2, activities=3)
    version = PlanVersion.objects.for_plan(plan).filter(status="consultation").first()
    if version is None:
        version = open_version(plan, coord)
    services.freeze(plan, actor=coord)
    table = tree.build(plan)
    for activity in table.activities()[:rounds * 2]:
        services.comment(version, f"activity:{activity.id}", actor=coord,
                         body="Comment", client_address=f"10.0.{rounds}.{activity.id % 250}")
    return version


# Session and user, the plan (or the version with its plan), the role checks, the rows.
QUERIES = {"versions": 5, "version": 7, "version_compare": 5}


@pytest.mark.parametrize("name", ["versions", "version", "version_compare"])
def test_pages_take_the_same_queries_at_two_sizes(coord_client, cplan, coord, name,
                                                  django_assert_max_num_queries):
    _grow(cplan, coord, 1)
    number = 1 if name == "version" else None
    address = url(name, cplan, number)
    coord_client.get(address)  # warm the session and the caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert coord_client.get(address).status_code == 200
    _grow(cplan, coord, 4)
    with CaptureQueriesContext(connection) as large:
        assert coord_client.get(address).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries) == QUERIES[name], [
        q["sql"][:90] for q in large.captured_queries]


def test_the_plans_history_tells_of_the_versions(client, cplan, coord, media):
    version = open_version(cplan, coord)
    services.comment(version, f"measure:{tree.build(cplan).measures()[0].id}",
                     actor=make_user("a@example.org", "A"), body="Hello")
    services.approve(version, actor=coord, body="GMIP", approved_on=today(),
                     decision_document=SimpleUploadedFile("v.pdf", simple_pdf(["V"])))
    page = client.get(reverse("plans:history", kwargs={"slug": cplan.slug}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "version 1" in text.lower()

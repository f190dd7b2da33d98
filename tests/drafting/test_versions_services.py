"""Versions through their services: freezing, publishing for comment within a consultation
stage, comments and their moderation, the forum's endorsement and the approval after which
nothing changes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from versions_helpers import consulting_plan, coordinator_of, make_table

from bashke.assessment.models import ForumDecision
from bashke.consultation.services.limits import TooManySubmissions
from bashke.core.models import AuditEntry
from bashke.core.pdf import simple_pdf
from bashke.drafting import tree
from bashke.drafting.models import Activity, PlanVersion, VersionStatus
from bashke.drafting.models.versions import is_approved
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today
from bashke.plans.models import PlanStatus

from personas import make_user

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def cplan(jurisdiction, ministry, agency):
    plan = consulting_plan(jurisdiction, ministry, agency)
    make_table(plan, institution=agency)
    return plan


@pytest.fixture
def coord(cplan):
    return coordinator_of(cplan)


@pytest.fixture
def citizen_user(db):
    return make_user("qytetar@example.org", "Qytetari")


def pdf_upload(name="vendimi.pdf"):
    return SimpleUploadedFile(name, simple_pdf(["Vendim i GMIP"]), "application/pdf")


def published(plan, coord, days=5):
    version = services.freeze(plan, actor=coord)
    return services.publish_for_comment(version, actor=coord, opens=today(),
                                        closes=today() + days * DAY)


# Freezing ------------------------------------------------------------------------------------

def test_freezing_numbers_versions_and_keeps_the_table_as_it_was(cplan, coord):
    first = services.freeze(cplan, actor=coord, note="  First draft  ")
    assert first.number == 1 and first.note == "First draft"
    assert first.snapshot == tree.to_json(tree.build(cplan))
    assert first.status == VersionStatus.FROZEN and first.frozen_by == coord
    activity = Activity.objects.first()
    activity.title_en = "Renamed later"
    activity.save()
    second = services.freeze(cplan, actor=coord)
    assert second.number == 2
    first.refresh_from_db()
    assert tree.from_json(first.snapshot).activities()[0].title_en == "Activity 1.1.1"
    assert tree.from_json(second.snapshot).activities()[0].title_en == "Renamed later"
    assert AuditEntry.objects.filter(object_type="drafting.planversion",
                                     scope=cplan.audit_scope).count() == 2


def test_only_the_coordinator_freezes(cplan, coord, citizen_user, other_plan_coordinator):
    for person in (citizen_user, other_plan_coordinator):
        with pytest.raises(PermissionDenied):
            services.freeze(cplan, actor=person)
    assert not PlanVersion.objects.exists()


def test_an_empty_table_cannot_be_frozen(jurisdiction, ministry, agency):
    plan = consulting_plan(jurisdiction, ministry, agency)
    with pytest.raises(ValidationError, match="nothing to freeze"):
        services.freeze(plan, actor=coordinator_of(plan))


def test_a_note_too_long_is_refused_on_its_field(cplan, coord):
    with pytest.raises(ValidationError) as error:
        services.freeze(cplan, actor=coord, note="x" * 2001)
    assert "note" in error.value.message_dict


# Publishing ----------------------------------------------------------------------------------

def test_publishing_within_the_consultation_stage(cplan, coord):
    version = published(cplan, coord)
    assert version.status == VersionStatus.IN_CONSULTATION
    assert version.comments_open_from == today()
    assert version.open_for_comment(today())
    assert not version.open_for_comment(today() + 6 * DAY)
    assert list(PlanVersion.objects.for_plan(cplan).open_for_comment_on(today())) == [version]
    assert not PlanVersion.objects.open_for_comment_on(today() + 6 * DAY).exists()


def test_publishing_outside_every_consultation_stage_names_them(cplan, coord):
    version = services.freeze(cplan, actor=coord)
    with pytest.raises(ValidationError) as error:
        services.publish_for_comment(version, actor=coord, opens=today(),
                                     closes=today() + 60 * DAY)
    message = " ".join(error.value.message_dict["closes"])
    assert "Public consultation on the draft" in message
    version.refresh_from_db()
    assert version.status == VersionStatus.FROZEN


@pytest.mark.parametrize("opens, closes, field", [
    (-2, 3, "opens"),       # in the past
    (3, 1, "closes"),       # ends before it starts
])
def test_a_window_in_the_past_or_backwards_is_refused(cplan, coord, opens, closes, field):
    version = services.freeze(cplan, actor=coord)
    with pytest.raises(ValidationError) as error:
        services.publish_for_comment(version, actor=coord, opens=today() + opens * DAY,
                                     closes=today() + closes * DAY)
    assert field in error.value.message_dict


def test_a_plan_without_consultation_stage_cannot_publish(plan, component, agency):
    make_table(plan, institution=agency)
    coord = coordinator_of(plan)
    plan.stages.filter(kind="online_consultation").delete()
    version = services.freeze(plan, actor=coord)
    with pytest.raises(ValidationError, match="no consultation stage"):
        services.publish_for_comment(version, actor=coord, opens=today(), closes=today())


def test_publishing_a_newer_version_closes_the_older(cplan, coord):
    first = published(cplan, coord)
    second = published(cplan, coord)
    first.refresh_from_db()
    assert first.status == VersionStatus.CONSULTATION_CLOSED
    assert second.status == VersionStatus.IN_CONSULTATION
    with pytest.raises(ValidationError, match="already been published"):
        services.publish_for_comment(first, actor=coord, opens=today(), closes=today())


def test_closing_comments(cplan, coord, citizen_user):
    version = services.close_comments(published(cplan, coord), actor=coord)
    assert version.status == VersionStatus.CONSULTATION_CLOSED
    with pytest.raises(services.CommentsClosed, match="closed"):
        services.comment(version, f"measure:{tree.build(cplan).measures()[0].id}",
                         actor=citizen_user, body="Late")


# Comments ------------------------------------------------------------------------------------

def test_a_comment_on_a_measure_and_on_an_activity(cplan, coord, citizen_user):
    version = published(cplan, coord)
    table = tree.build(cplan)
    measure, activity = table.measures()[0], table.activities()[1]
    first = services.comment(version, f"measure:{measure.id}", actor=citizen_user,
                             body="  Add a deadline. ", language="en")
    second = services.comment(version, f"activity:{activity.id}", actor=citizen_user,
                              body="Shtoni buxhetin.")
    assert first.body == "Add a deadline." and first.language == "en"
    assert second.language == "sq" and second.row == f"activity:{activity.id}"
    assert AuditEntry.objects.filter(object_type="drafting.versioncomment").count() == 2


def test_comments_need_an_open_window_an_account_and_a_row_of_the_version(
        cplan, coord, citizen_user, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    frozen = services.freeze(cplan, actor=coord)
    row = f"measure:{tree.build(cplan).measures()[0].id}"
    with pytest.raises(services.CommentsClosed, match="not been published"):
        services.comment(frozen, row, actor=citizen_user, body="Hello")
    later = services.publish_for_comment(frozen, actor=coord, opens=today() + 2 * DAY,
                                         closes=today() + 5 * DAY)
    with pytest.raises(services.CommentsClosed, match="Comments open on"):
        services.comment(later, row, actor=citizen_user, body="Hello")
    version = published(cplan, coord)
    with pytest.raises(PermissionDenied):
        services.comment(version, row, actor=AnonymousUser(), body="Hello")
    for bad_row in ("measure:999999", "objective:1", "nonsense"):
        with pytest.raises(ValidationError) as error:
            services.comment(version, bad_row, actor=citizen_user, body="Hello")
        assert "row" in error.value.message_dict
    for body, words in (("   ", "Write your comment"), ("x" * 5001, "at most 5000"),
                        ("a\x00b", "null character")):
        with pytest.raises(ValidationError, match=words):
            services.comment(version, row, actor=citizen_user, body=body)
    with pytest.raises(ValidationError, match="Albanian or English"):
        services.comment(version, row, actor=citizen_user, body="Hi", language="fr")
    assert not version.comments.exists()


def test_comments_are_rate_limited(cplan, coord, citizen_user):
    version = published(cplan, coord)
    row = f"measure:{tree.build(cplan).measures()[0].id}"
    for number in range(20):
        services.comment(version, row, actor=citizen_user, body=f"Comment {number}",
                         client_address="10.0.0.1")
    with pytest.raises(TooManySubmissions):
        services.comment(version, row, actor=citizen_user, body="One more",
                         client_address="10.0.0.1")
    assert version.comments.count() == 20


def test_moderators_hide_a_comment_with_a_public_reason(cplan, coord, citizen_user):
    version = published(cplan, coord)
    row = f"measure:{tree.build(cplan).measures()[0].id}"
    item = services.comment(version, row, actor=citizen_user, body="Rude words")
    with pytest.raises(PermissionDenied):
        services.hide_comment(item, actor=citizen_user, reason="Mine")
    with pytest.raises(ValidationError) as error:
        services.hide_comment(item, actor=coord, reason="  ")
    assert "reason" in error.value.message_dict
    hidden = services.hide_comment(item, actor=coord, reason="Insulting.")
    assert hidden.is_hidden and hidden.hidden_reason == "Insulting."
    with pytest.raises(ValidationError, match="already hidden"):
        services.hide_comment(item, actor=coord, reason="Again")


# Endorsement and approval --------------------------------------------------------------------

def test_the_forums_endorsement_of_this_plan_only(cplan, coord, plan):
    version = services.freeze(cplan, actor=coord)
    endorsement = ForumDecision.objects.create(
        plan=cplan, kind=ForumDecision.Kind.ENDORSEMENT, decided_on=today(),
        title_en="Endorsement")
    general = ForumDecision.objects.create(plan=cplan, decided_on=today(), title_en="Other")
    elsewhere = ForumDecision.objects.create(plan=plan, kind=ForumDecision.Kind.ENDORSEMENT,
                                             decided_on=today(), title_en="Elsewhere")
    for decision in (general, elsewhere, None):
        with pytest.raises(ValidationError) as error:
            services.record_endorsement(version, decision, actor=coord)
        assert "endorsement" in error.value.message_dict
    assert services.record_endorsement(version, endorsement, actor=coord).endorsement == \
        endorsement


def test_approval_makes_the_plan_read_only(cplan, coord, media):
    assert cplan.status == PlanStatus.DRAFTING
    first = services.freeze(cplan, actor=coord)
    second = services.freeze(cplan, actor=coord)
    approved = services.approve(
        second, actor=coord, body="Integrated Policy Management Group", approved_on=today(),
        decision_reference="Nr. 12", decision_document=pdf_upload())
    assert approved.status == VersionStatus.APPROVED and approved.approved_on == today()
    assert approved.decision_document.name.endswith(".pdf")
    assert approved.decision_document.read().startswith(b"%PDF-")
    assert is_approved(cplan) and is_approved(cplan.pk)
    cplan.refresh_from_db()
    assert cplan.status == PlanStatus.APPROVED
    # Nothing changes any more: no second approval, no new version, no comments window.
    with pytest.raises(ValidationError, match="approved as version 2"):
        services.approve(first, actor=coord, body="GMIP", approved_on=today(),
                         decision_document=pdf_upload())
    with pytest.raises(ValidationError, match="no longer change"):
        services.freeze(cplan, actor=coord)
    with pytest.raises(ValidationError, match="no longer change"):
        services.publish_for_comment(first, actor=coord, opens=today(), closes=today())
    with pytest.raises(ValidationError, match="no longer change"):
        services.refuse_if_approved(cplan)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_approval_checks_body_date_and_document(cplan, coord, media):
    version = services.freeze(cplan, actor=coord)
    cases = [
        ({"body": ""}, "body"),
        ({"approved_on": today() + DAY}, "approved_on"),
        ({"approved_on": today() - 400 * DAY}, "approved_on"),
        ({"decision_document": None}, "decision_document"),
        ({"decision_document": SimpleUploadedFile("vendimi.txt", b"plain text")},
         "decision_document"),
        ({"decision_document": SimpleUploadedFile("vendimi.pdf", b"not a pdf at all")},
         "decision_document"),
    ]
    for change, field in cases:
        arguments = {"body": "GMIP", "approved_on": today(), "decision_document": pdf_upload(),
                     **change}
        with pytest.raises(ValidationError) as error:
            services.approve(version, actor=coord, **arguments)
        assert field in error.value.message_dict, change
    version.refresh_from_db()
    assert version.status == VersionStatus.FROZEN and not is_approved(cplan)
    with pytest.raises(PermissionDenied):
        services.approve(version, actor=make_user("x@example.org", "X"), body="GMIP",
                         approved_on=today(), decision_document=pdf_upload())


def test_a_past_plan_keeps_its_status_when_its_version_is_approved(plan, agency, media):
    make_table(plan, institution=agency)
    coord = coordinator_of(plan)
    version = services.freeze(plan, actor=coord)
    services.approve(version, actor=coord, body="GMIP", approved_on=today(),
                     decision_document=pdf_upload("vendimi.odt".replace("odt", "pdf")))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IMPLEMENTING

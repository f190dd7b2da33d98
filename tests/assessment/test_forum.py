"""The multi-stakeholder forum: its membership (added, changed, ended, never deleted), the
balance between government and non-government members, its meetings (consultation meetings
of the kind "forum") and decisions; the public page with its warning when a plan has no
forum; the API (names, organisations and sectors; no accounts); the demo."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bashke.accounts.models import Sector
from bashke.assessment.models import ForumDecision, ForumMember
from bashke.assessment.services import forum
from bashke.consultation.forms.meetings import MeetingForm
from bashke.consultation.models.meetings import MeetingKind
from bashke.consultation.services import meetings as meeting_services
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Role

import scenes
from personas import make_user

pytestmark = pytest.mark.django_db


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def schedule(plan, actor, *, publish=True, days=7, **fields):
    data = {"title_sq": "Takim", "title_en": "Meeting", "starts_at": _at(days, 10),
            "ends_at": _at(days, 12), "place": "Bashkia Shkodër, salla 2", **fields}
    meeting = meeting_services.create_meeting(plan, actor=actor, **data)
    return meeting_services.publish_meeting(meeting, actor=actor) if publish else meeting


def held(plan, actor, **fields):
    """A published meeting that took place last week."""
    return schedule(plan, actor, days=-7, **fields)


@pytest.fixture
def plan(jurisdiction, ministry, agency):
    return scenes.open_plan(jurisdiction, ministry, agency)


@pytest.fixture
def coordinator(plan):
    user = make_user("coord@example.org", "Coordinator", sector=Sector.GOVERNMENT)
    plan_services.assign_role(plan, user, Role.COORDINATOR, actor=None)
    return user


def add(plan, name, sector, **fields):
    return forum.add_member(plan, actor=None, name=name, sector=sector,
                            joined_on=fields.pop("joined_on", datetime.date(2024, 1, 1)),
                            **fields)


def test_the_balance_counts_both_sides(plan):
    add(plan, "Gov One", Sector.GOVERNMENT, organisation_name="Ministry of Justice")
    add(plan, "Gov Two", Sector.GOVERNMENT)
    add(plan, "CSO One", Sector.CIVIL_SOCIETY)
    add(plan, "Academic", Sector.ACADEMIA)
    add(plan, "Former", Sector.CIVIL_SOCIETY, left_on=datetime.date(2024, 6, 1))
    balance = forum.balance_in_db(plan)
    assert (balance["total"], balance["government"], balance["non_government"]) == (4, 2, 2)
    assert balance["government_share"] == 50 and balance["non_government_share"] == 50
    assert balance["by_sector"]["academia"] == 1 and balance["by_sector"]["citizen"] == 0
    assert forum.balance_in_db(plan, datetime.date(2024, 3, 1))["total"] == 5
    assert forum.balance({})["government_share"] is None


def test_memberships_end_and_stay_on_record(plan, coordinator, citizen):
    member = forum.add_member(plan, actor=coordinator, name="Arta Kola",
                              sector=Sector.CIVIL_SOCIETY)
    assert member.joined_on == datetime.date.today()
    with pytest.raises(PermissionDenied):
        forum.end_membership(member, actor=citizen)
    ended = forum.end_membership(member, actor=coordinator)
    assert ended.left_on == datetime.date.today() and ForumMember.objects.count() == 1
    with pytest.raises(ValidationError):
        forum.end_membership(ended, actor=coordinator)
    with pytest.raises(ValidationError) as refused:
        forum.update_member(ended, actor=coordinator, left_on=datetime.date(2000, 1, 1))
    assert "left_on" in refused.value.message_dict
    entries = AuditEntry.objects.filter(object_type="assessment.forummember")
    assert entries.count() == 2 and entries.first().scope == plan.audit_scope


def test_a_person_is_a_member_once(plan, citizen):
    forum.add_member(plan, actor=None, user=citizen, sector=Sector.CITIZEN)
    assert ForumMember.objects.get().name == citizen.public_name
    with pytest.raises(ValidationError) as refused:
        forum.add_member(plan, actor=None, user=citizen, name="Again", sector=Sector.CITIZEN)
    assert "already a member" in refused.value.message_dict["user"][0]


def test_decisions_name_a_forum_meeting_of_the_plan(plan, coordinator):
    consultation = held(plan, coordinator)
    with pytest.raises(ValidationError) as refused:
        forum.record_decision(plan, actor=coordinator, meeting=consultation,
                              decided_on=datetime.date.today(), title_en="Rules")
    assert "forum meetings" in refused.value.message_dict["meeting"][0]
    with pytest.raises(ValidationError) as refused:
        forum.record_decision(plan, actor=coordinator, decided_on=datetime.date.today())
    assert "title_sq" in refused.value.message_dict
    meeting = held(plan, coordinator, kind=MeetingKind.FORUM)
    decision = forum.record_decision(plan, actor=coordinator, meeting=meeting,
                                     kind=ForumDecision.Kind.ENDORSEMENT,
                                     decided_on=datetime.date.today(),
                                     title_en="The forum endorses the draft")
    assert decision.meeting == meeting


def test_the_meeting_form_offers_the_forum_kind(plan, coordinator):
    form = MeetingForm(user=coordinator, plan=plan)
    assert ("forum", "Forum meeting") in [(v, str(label)) for v, label in
                                          form.fields["kind"].choices]


def test_a_plan_without_a_forum_says_that_ogp_requires_one(client, plan):
    page = client.get(f"/en/plans/{plan.slug}/forum/").content.decode()
    assert "This plan has no multi-stakeholder forum." in page
    assert "requires one" in page


def test_the_forum_page_shows_both_sides_meetings_and_decisions(client, client_for, plan,
                                                                coordinator):
    add(plan, "Gjergj Lleshi", Sector.GOVERNMENT, organisation_name="Bashkia Shkodër")
    add(plan, "Arta Kola", Sector.CIVIL_SOCIETY, organisation_name="Forumi Qytetar")
    add(plan, "Old Member", Sector.CIVIL_SOCIETY, left_on=datetime.date(2024, 2, 1))
    meeting = held(plan, coordinator, kind=MeetingKind.FORUM, title_en="Forum, first meeting")
    schedule(plan, coordinator, kind=MeetingKind.CONSULTATION, title_en="Not the forum's")
    draft = schedule(plan, coordinator, kind=MeetingKind.FORUM, publish=False,
                     title_en="Forum draft")
    forum.record_decision(plan, actor=None, meeting=meeting, decided_on=datetime.date.today(),
                          title_en="Rules of procedure", text_en="Adopted unanimously.")
    page = client.get(f"/en/plans/{plan.slug}/forum/").content.decode()
    assert "no multi-stakeholder forum" not in page
    assert "Government members" in page and "Non-government members" in page
    assert "Gjergj Lleshi" in page and "Arta Kola" in page and "1 former member" in page
    assert '<th scope="row">Government</th><td data-label="Members">1</td>' in page
    assert "Forum, first meeting" in page and "Not the forum&#x27;s" not in page
    assert "Forum draft" not in page and "Rules of procedure" in page
    assert "Adopted unanimously." in page and "Add a member" not in page
    manager = client_for(coordinator).get(f"/en/plans/{plan.slug}/forum/").content.decode()
    assert "Add a member" in manager and "Forum draft" in manager
    assert f"/meetings/{meeting.pk}/minutes/" in manager
    assert f"/meetings/{draft.pk}/" in manager


def test_the_forum_page_runs_a_fixed_number_of_queries(client, plan, coordinator):
    counts = []
    for size in (2, 20):
        while ForumMember.objects.filter(plan=plan).count() < size:
            n = ForumMember.objects.count()
            add(plan, f"Member {n}", Sector.GOVERNMENT if n % 2 else Sector.CIVIL_SOCIETY)
            held(plan, coordinator, kind=MeetingKind.FORUM, title_en=f"Forum {n}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/en/plans/{plan.slug}/forum/").status_code == 200
        counts.append(len(queries))
    assert counts == [4, 4]  # the plan, its members, its forum meetings, its decisions


def test_the_coordinator_keeps_the_forum_through_its_pages(client_for, plan, coordinator):
    client = client_for(coordinator)
    base = f"/en/plans/{plan.slug}/forum/"
    response = client.post(base + "members/new/", {"name": "", "sector": "government",
                                                   "joined_on": "2024-01-01"})
    assert response.status_code == 400 and not ForumMember.objects.exists()
    response = client.post(base + "members/new/", {
        "name": "Elona Hoxha", "organisation_name": "Qendra Res Publica",
        "sector": "civil_society", "joined_on": "2024-01-10", "left_on": "2023-01-01"})
    assert response.status_code == 400 and "cannot end before it starts" in \
        response.content.decode()
    assert 'value="Elona Hoxha"' in response.content.decode()
    response = client.post(base + "members/new/", {
        "name": "Elona Hoxha", "organisation_name": "Qendra Res Publica",
        "sector": "civil_society", "joined_on": "2024-01-10"})
    assert response.status_code == 302
    member = ForumMember.objects.get()
    response = client.post(base + f"members/{member.pk}/", {
        "name": "Elona Hoxha", "organisation_name": "Res Publica", "sector": "civil_society",
        "joined_on": "2024-01-10"})
    assert response.status_code == 302
    assert ForumMember.objects.get().organisation_name == "Res Publica"
    assert client.post(base + f"members/{member.pk}/end/").status_code == 302
    assert ForumMember.objects.get().left_on is not None
    response = client.post(base + "decisions/new/", {
        "kind": "endorsement", "decided_on": "2024-05-01", "meeting": "",
        "title_en": "Endorsement of the draft", "title_sq": "", "text_sq": "", "text_en": ""})
    assert response.status_code == 302
    assert ForumDecision.objects.get().kind == "endorsement"


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_forum_pages_exist_in_both_languages(client_for, plan, coordinator, language):
    client = client_for(coordinator)
    for path in ("", "members/new/", "decisions/new/"):
        response = client.get(f"/{language}/plans/{plan.slug}/forum/{path}")
        assert response.status_code == 200 and f'lang="{language}"' in response.content.decode()


def test_the_api_publishes_the_forum_without_accounts(client, plan, citizen, coordinator):
    forum.add_member(plan, actor=None, user=citizen, name="Drita Leka",
                     organisation_name="Qendra Res Publica", sector=Sector.CIVIL_SOCIETY)
    add(plan, "Gjergj Lleshi", Sector.GOVERNMENT, organisation_name="Bashkia Shkodër")
    held(plan, coordinator, kind=MeetingKind.FORUM, title_en="Forum meeting")
    response = client.get(f"/api/v1/plans/{plan.slug}/forum?lang=en")
    body = response.json()
    assert response.status_code == 200 and body["has_forum"] is True
    assert body["balance"]["government"] == 1 and body["balance"]["non_government"] == 1
    assert {m["name"] for m in body["members"]} == {"Drita Leka", "Gjergj Lleshi"}
    assert citizen.email not in response.content.decode()
    assert "user" not in body["members"][0] and "email" not in body["members"][0]
    assert [m["title"] for m in body["meetings"]] == ["Forum meeting"]
    assert client.get("/api/v1/plans/nope/forum").status_code == 404


def test_the_demo_forums(db):
    from bashke.assessment.demos import decisions as decisions_demo
    from bashke.assessment.demos import forum as forum_demo
    from bashke.consultation.demos import ideas as ideas_demo
    from bashke.consultation.demos import prioritisation as prioritisation_demo
    from bashke.plans import demo as plans_demo

    for _run in range(2):  # a second run adds nothing
        plans_demo.load(io.StringIO())
        ideas_demo.load(io.StringIO())
        prioritisation_demo.load(io.StringIO())
        forum_demo.load(io.StringIO())
        decisions_demo.load(io.StringIO())
    assert not ForumMember.objects.filter(plan__slug="albania-2020-2022").exists()
    for prefix in ("shkoder", "korce"):
        members = ForumMember.objects.filter(plan__slug__startswith=prefix)
        assert members.filter(sector=Sector.GOVERNMENT).exists()
        assert members.exclude(sector=Sector.GOVERNMENT).exists()
        assert ForumDecision.objects.filter(plan__slug__startswith=prefix).exists()
        meeting = ForumDecision.objects.filter(plan__slug__startswith=prefix).first().meeting
        assert meeting.kind == MeetingKind.FORUM and meeting.minutes_sq
    from bashke.assessment.models import Decision

    for slug_prefix in ("korce", "albania-2020-2022"):
        kinds = set(Decision.objects.filter(idea__plan__slug__startswith=slug_prefix)
                    .values_list("kind", flat=True))
        assert kinds == {"merged", "deferred", "not_included"}, slug_prefix
    assert Decision.objects.count() == 6
    assert all(d.response_sq and d.response_en for d in Decision.objects.all())

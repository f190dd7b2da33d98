"""Deciding on an idea: the reasoned response it requires, the merges it refuses, the
conflict when someone else decided meanwhile, who may decide and when, the audit entry, the
e-mail to the author and followers in their own language, and the submission check that
keeps a plan with unanswered ideas from being marked submitted."""

import datetime

import pytest
from decisions_fixtures import *  # noqa: F403 (fixtures)
from decisions_fixtures import submit
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from bashke.accounts import privacy
from bashke.accounts.models import Sector
from bashke.assessment.models import Decision, DecisionKind
from bashke.assessment.services.decisions import Conflict, current_version, decide
from bashke.consultation.models import Follow, Idea
from bashke.consultation.services import ideas as idea_services
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.admin import PlanForm
from bashke.plans.models import PlanStatus, Role

import scenes
from personas import make_user

pytestmark = pytest.mark.django_db


def test_every_decision_but_included_needs_a_reasoned_response(idea, coordinator):
    for kind in (DecisionKind.DEFERRED, DecisionKind.NOT_INCLUDED):
        with pytest.raises(ValidationError) as refused:
            decide(idea, actor=coordinator, kind=kind, response_sq="   ")
        assert "reasoned response" in refused.value.message_dict["response_sq"][0]
    assert not Decision.objects.exists()
    included = decide(idea, actor=coordinator, kind=DecisionKind.INCLUDED)
    assert included.kind == "included" and included.version == 1
    assert included.decided_by == coordinator


def test_an_unknown_kind_is_refused(idea, coordinator):
    with pytest.raises(ValidationError) as refused:
        decide(idea, actor=coordinator, kind="maybe", response_en="Why not.")
    assert "kind" in refused.value.message_dict


def test_merges_that_make_no_sense_are_refused(plan, idea, author, coordinator, component,
                                               other_plan_idea):
    other = submit(plan, author, "Open budget data, again", component)
    third = submit(plan, author, "Open spending data", component)
    cases = [(None, "Choose the idea"), (idea, "into itself"),
             (other_plan_idea, "same plan")]
    for target, message in cases:
        with pytest.raises(ValidationError) as refused:
            decide(idea, actor=coordinator, kind=DecisionKind.MERGED, merged_into=target,
                   response_en="Same idea.")
        assert message in refused.value.message_dict["merged_into"][0]
    decide(other, actor=coordinator, kind=DecisionKind.MERGED, merged_into=third,
           response_en="The same as the spending idea.")
    with pytest.raises(ValidationError) as refused:  # into an idea that is itself merged
        decide(idea, actor=coordinator, kind=DecisionKind.MERGED, merged_into=other,
               response_en="Same.")
    assert "itself merged" in refused.value.message_dict["merged_into"][0]
    with pytest.raises(ValidationError) as refused:  # an idea others are merged into
        decide(third, actor=coordinator, kind=DecisionKind.MERGED, merged_into=idea,
               response_en="Same.")
    assert "Other ideas are merged into this one" in refused.value.message_dict[
        "merged_into"][0]
    merged = decide(idea, actor=coordinator, kind=DecisionKind.MERGED, merged_into=third,
                    response_en="Carried on by the spending idea.")
    assert merged.merged_into == third


@pytest.fixture
def other_plan_idea(db, author):
    other = scenes.local_plan(slug="shkoder-local")
    return Idea.objects.create(plan=other, title="Elsewhere", overall_idea="x", author=author)


def test_a_stale_version_is_a_conflict_never_an_overwrite(idea, coordinator):
    first = decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED,
                   response_en="Next plan.", expected_version=0)
    assert current_version(idea) == 1
    with pytest.raises(Conflict) as conflict:
        decide(idea, actor=coordinator, kind=DecisionKind.NOT_INCLUDED,
               response_en="No.", expected_version=0)
    assert conflict.value.current.pk == first.pk and conflict.value.current.version == 1
    assert Decision.objects.get().kind == "deferred"
    changed = decide(idea, actor=coordinator, kind=DecisionKind.NOT_INCLUDED,
                     response_en="No.", expected_version=1)
    assert changed.version == 2 and changed.kind == "not_included"


def test_saving_the_same_decision_again_changes_nothing(idea, coordinator):
    decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Next plan.")
    entries = AuditEntry.objects.count()
    mail.outbox.clear()
    again = decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED,
                   response_en="Next plan.")
    assert again.version == 1 and AuditEntry.objects.count() == entries
    assert mail.outbox == []


def test_the_decision_is_audited_on_the_plans_history(idea, coordinator, plan):
    decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Next plan.")
    entry = AuditEntry.objects.filter(object_type="assessment.decision").get()
    assert entry.scope == plan.audit_scope and entry.actor == coordinator
    assert entry.changes["kind"] == [None, "deferred"]
    assert entry.changes["response_en"] == [None, "Next plan."]


def test_who_may_decide(plan, idea, coordinator, component, other_component, citizen):
    leader = make_user("leader@example.org", "Leader")
    plan_services.assign_role(plan, leader, Role.COMPONENT_LEADER, actor=None,
                              component=component)
    secretariat = make_user("sec@example.org", "Secretariat")
    plan_services.assign_role(plan, secretariat, Role.SECRETARIAT, actor=None,
                              component=component)
    other_leader = make_user("other@example.org", "Other leader")
    plan_services.assign_role(plan, other_leader, Role.COMPONENT_LEADER, actor=None,
                              component=other_component)
    assessor = make_user("assessor@example.org", "Assessor")
    plan_services.assign_role(plan, assessor, Role.ASSESSOR, actor=None)
    for person in (citizen, other_leader, assessor, idea.author):
        with pytest.raises(PermissionDenied):
            decide(idea, actor=person, kind=DecisionKind.INCLUDED)
    for version, person in enumerate((leader, secretariat, coordinator)):
        decide(idea, actor=person, kind=DecisionKind.DEFERRED,
               response_en=f"Reason {version}.")
    assert Decision.objects.get().decided_by == coordinator


def test_nobody_decides_once_the_plan_is_approved(plan, idea, coordinator):
    plan_services.update_plan(plan, actor=None, status=PlanStatus.APPROVED)
    idea.plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        decide(Idea.objects.get(pk=idea.pk), actor=coordinator, kind=DecisionKind.INCLUDED)


def test_nobody_decides_after_co_creation(idea, coordinator, jurisdiction):
    # A plan of 2012–2013 has no co-creation ahead of it: its answers are its record.
    past = plan_services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=2, slug="past-plan",
        title_sq="I kaluar", title_en="Past", start=datetime.date(2012, 1, 1),
        end=datetime.date(2013, 12, 31))
    old = Idea.objects.create(plan=past, title="Old", overall_idea="x")
    plan_services.assign_role(past, coordinator, Role.COORDINATOR, actor=None)
    with pytest.raises(PermissionDenied):
        decide(old, actor=coordinator, kind=DecisionKind.INCLUDED)


def test_the_author_and_followers_hear_in_their_own_language(idea, coordinator, author):
    follower = make_user("follower@example.org", "Follower", preferred_language="en")
    Follow.objects.create(idea=idea, user=follower, active=True)
    Follow.objects.create(idea=idea, user=coordinator, active=True)  # the decider: no mail
    mail.outbox.clear()
    decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED,
           response_sq="Në planin e ardhshëm.", response_en="In the next plan.")
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {author.email, follower.email}
    albanian, english = by_address[author.email], by_address[follower.email]
    assert "Në planin e ardhshëm." in albanian.body and "In the next plan." not in albanian.body
    assert albanian.body.startswith("Përshëndetje")  # written in the author's language
    assert "In the next plan." in english.body and "Deferred to a later plan" in english.body
    assert "Open budget data" in english.subject


def test_a_plan_with_unanswered_ideas_cannot_be_marked_submitted(plan, idea, author,
                                                                 coordinator, component):
    withdrawn = submit(plan, author, "Taken back", component)
    idea_services.withdraw_idea(withdrawn, actor=author)
    with pytest.raises(ValidationError) as refused:
        plan_services.update_plan(plan, actor=coordinator, status=PlanStatus.SUBMITTED)
    assert refused.value.message_dict["status"] == [
        "1 idea still awaits a response: decide on it, with its reasons, before the plan is "
        "submitted."]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFTING
    # The admin's form says the same on the field.
    form = PlanForm(data=_plan_form_data(plan, status=PlanStatus.SUBMITTED), instance=plan)
    assert not form.is_valid()
    assert "still awaits a response" in form.errors["status"][0]

    decide(idea, actor=coordinator, kind=DecisionKind.INCLUDED)
    plan_services.update_plan(plan, actor=coordinator, status=PlanStatus.SUBMITTED)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED  # the withdrawn idea needs no answer
    # Once submitted, later saves are not judged again.
    submit(plan, author, "A late idea", component)
    plan_services.update_plan(plan, actor=coordinator, summary_en="Submitted to OGP.")


def _plan_form_data(plan, **changes):
    data = {"jurisdiction": plan.jurisdiction_id, "number": plan.number, "slug": plan.slug,
            "title_sq": plan.title_sq, "title_en": plan.title_en, "summary_sq": "",
            "summary_en": "", "start": plan.start.isoformat(), "end": plan.end.isoformat(),
            "status": plan.status, "previous": "", "gap_reason": "",
            "length_override_reason": ""}
    data.update(changes)
    return data


def test_personal_data_lists_and_unlinks_what_the_assessment_holds(idea, coordinator, plan):
    from bashke.assessment.services import forum

    decide(idea, actor=coordinator, kind=DecisionKind.DEFERRED, response_en="Later.")
    forum.add_member(plan, actor=None, user=coordinator, name="Coordinator",
                     sector=Sector.GOVERNMENT)
    data = privacy.collect(coordinator)["assessment"]
    assert data["decisions_taken"][0]["kind"] == "deferred"
    assert data["forum_memberships"][0]["name"] == "Coordinator"
    from bashke.assessment import personal_data

    assert personal_data.erase(coordinator) == {"forum_memberships_unlinked": 1}
    assert plan.forum_members.get().user is None

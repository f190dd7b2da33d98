"""Supports, comments, reports, moderation, statements and votes through the services:
one test per permission and persona, the stage rules, the limits, the audit trail."""

import datetime

import pytest
from deliberation_fixtures import *  # noqa: F403 (fixtures)
from deliberation_fixtures import fresh
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bashke.consultation.models import (
    Comment,
    Flag,
    FlagResolution,
    Follow,
    Statement,
    Support,
    Vote,
)
from bashke.consultation.services import deliberation as services
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import statements as statement_services
from bashke.consultation.services.limits import LIMITS
from bashke.core.models import AuditEntry, RateEvent
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import StageKind

pytestmark = pytest.mark.django_db

PARTICIPANTS = ["citizen", "cso_member", "moderator", "assessor", "open_moderator",
                "open_coordinator", "staff"]
MODERATORS = ["open_moderator", "open_coordinator", "staff"]
NOT_MODERATORS = ["citizen", "cso_member", "moderator", "component_leader", "assessor",
                  "open_secretariat"]


def fill(key, count):
    """``count`` recent events against a rate limit key, as if done a moment ago."""
    RateEvent.objects.bulk_create([RateEvent(key=key, at=timezone.now())
                                   for _ in range(count)])


def persona(request, name):
    return request.getfixturevalue(name)


# Support ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PARTICIPANTS)
def test_anyone_logged_in_supports_an_idea_once(request, idea, name):
    user = persona(request, name)

    assert services.set_support(idea, actor=user, support=True) is True
    assert services.set_support(idea, actor=user, support=True) is True  # twice: still one

    assert Support.objects.filter(idea=idea).count() == 1


def test_anonymous_cannot_support(idea, anonymous):
    with pytest.raises(PermissionDenied):
        services.set_support(idea, actor=anonymous, support=True)
    assert not Support.objects.exists()


def test_support_can_be_withdrawn_and_is_audited_privately(idea, citizen):
    services.set_support(idea, actor=citizen, support=True)
    assert services.set_support(idea, actor=citizen, support=False) is False

    assert not Support.objects.filter(idea=idea).exists()
    entries = AuditEntry.objects.filter(object_type="consultation.support")
    assert [e.action for e in entries.order_by("id")] == ["create", "delete"]
    # Who supports what is private: not on the plan's public history.
    assert set(entries.values_list("scope", flat=True)) == {""}


def test_a_withdrawn_or_hidden_idea_cannot_be_supported(idea, cso_member, citizen,
                                                        open_moderator):
    idea_services.withdraw_idea(idea, actor=cso_member)
    with pytest.raises(ValidationError, match="withdrawn"):
        services.set_support(fresh(idea), actor=citizen, support=True)


def test_ideas_of_a_plan_no_longer_in_co_creation_cannot_be_supported(plan, citizen, staff):
    idea = idea_services.submit_idea(plan, actor=staff, answers={
        "title": "Old idea", "overall_idea": "x"}, channel="email", recorded=True)
    with pytest.raises(ValidationError, match="co-creation of this plan has ended"):
        services.set_support(idea, actor=citizen, support=True)
    with pytest.raises(ValidationError, match="co-creation of this plan has ended"):
        services.add_comment(idea, actor=citizen, body="Late")


def test_supports_are_rate_limited_per_account(make_idea, cso_member, citizen, settings):
    limit = LIMITS["support"].count
    ideas = [make_idea(cso_member) for _ in range(3)]
    fill(f"support:user:{citizen.pk}", limit - 1)

    services.set_support(ideas[0], actor=citizen, support=True)
    with pytest.raises(ValidationError, match="please wait 60 minutes"):
        services.set_support(ideas[1], actor=citizen, support=True)
    assert Support.objects.filter(user=citizen).count() == 1


# Comments --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PARTICIPANTS)
def test_anyone_logged_in_comments(request, idea, name):
    user = persona(request, name)

    comment = services.add_comment(idea, actor=user, body="I **agree**.", language="en")

    assert comment.body_html == "<p>I <strong>agree</strong>.</p>"
    entry = AuditEntry.objects.get(object_type="consultation.comment", object_id=comment.pk)
    assert entry.scope == idea.plan.audit_scope


def test_anonymous_cannot_comment(idea, anonymous):
    with pytest.raises(PermissionDenied):
        services.add_comment(idea, actor=anonymous, body="Hi")


def test_a_reply_to_a_reply_joins_the_top_level_comment(idea, citizen, cso_member):
    top = services.add_comment(idea, actor=citizen, body="Top")
    reply = services.add_comment(idea, actor=cso_member, body="Reply", parent=top)
    deeper = services.add_comment(idea, actor=citizen, body="Reply to reply", parent=reply)

    assert reply.parent == top and deeper.parent == top


def test_a_reply_must_be_on_the_same_idea(make_idea, idea, citizen, cso_member):
    other = services.add_comment(make_idea(cso_member), actor=citizen, body="Elsewhere")
    with pytest.raises(ValidationError, match="another idea"):
        services.add_comment(idea, actor=citizen, body="Hi", parent=other)


@pytest.mark.parametrize("body, message", [
    ("", "Write something first"), ("   \n ", "Write something first"),
    ("x" * 100_000, "at most 5000 characters"),
])
def test_empty_or_too_long_comments_are_refused(idea, citizen, body, message):
    with pytest.raises(ValidationError, match=message):
        services.add_comment(idea, actor=citizen, body=body)
    assert not Comment.objects.exists()


def test_commenting_makes_the_commenter_follow_once(idea, citizen):
    services.add_comment(idea, actor=citizen, body="First")
    services.set_follow(idea, actor=citizen, follow=False)
    services.add_comment(idea, actor=citizen, body="Second")

    # The second comment does not undo the "stop following".
    assert Follow.objects.get(idea=idea, user=citizen).active is False


def test_comments_are_rate_limited_per_account_and_per_address(idea, citizen, cso_member):
    limit = LIMITS["comment"].count
    for number in range(limit):
        services.add_comment(idea, actor=citizen, body=f"Comment {number}",
                             client_address="203.0.113.5")
    with pytest.raises(ValidationError, match="please wait") as error:
        services.add_comment(idea, actor=citizen, body="One more", client_address="198.51.100.1")
    assert error.value.code == "rate_limited"
    # Another account from the same address is refused too.
    with pytest.raises(ValidationError, match="please wait"):
        services.add_comment(idea, actor=cso_member, body="Me too",
                             client_address="203.0.113.5")
    assert Comment.objects.count() == limit


def test_only_the_author_edits_a_comment_and_the_edit_is_marked(idea, citizen, cso_member):
    comment = services.add_comment(idea, actor=citizen, body="Frist")
    with pytest.raises(PermissionDenied):
        services.edit_comment(comment, actor=cso_member, body="Vandalised")

    services.edit_comment(comment, actor=citizen, body="First")
    comment = fresh(comment)
    assert comment.body == "First" and comment.edited_at is not None


# Reports ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PARTICIPANTS)
def test_anyone_logged_in_reports_content_once_while_open(request, idea, name):
    user = persona(request, name)
    comment = services.add_comment(idea, actor=persona(request, "cso_member"), body="Hmm")

    first = services.flag(comment, actor=user, reason="abuse")
    again = services.flag(comment, actor=user, reason="spam")

    assert first == again and Flag.objects.filter(comment=comment).count() == 1
    assert first.plan == idea.plan


def test_anonymous_cannot_report(idea, anonymous):
    with pytest.raises(PermissionDenied):
        services.flag(idea, actor=anonymous, reason="spam")


@pytest.mark.parametrize("reason, details, field", [
    ("nonsense", "", "reason"), ("other", "", "details"), ("spam", "x" * 501, "details"),
])
def test_a_report_needs_a_valid_reason(idea, citizen, reason, details, field):
    with pytest.raises(ValidationError) as error:
        services.flag(idea, actor=citizen, reason=reason, details=details)
    assert field in error.value.message_dict


def test_reports_are_rate_limited_per_address(make_idea, cso_member, citizen, assessor):
    limit = LIMITS["flag"].count
    fill("flag:ip:203.0.113.9", limit - 1)
    first, second = make_idea(cso_member), make_idea(cso_member)

    services.flag(first, actor=citizen, reason="spam", client_address="203.0.113.9")
    with pytest.raises(ValidationError, match="please wait"):
        services.flag(second, actor=assessor, reason="spam", client_address="203.0.113.9")
    assert Flag.objects.count() == 1


# Hiding and restoring --------------------------------------------------------------------

@pytest.mark.parametrize("name", MODERATORS)
def test_moderators_hide_and_restore_a_comment(request, idea, citizen, name):
    moderator = persona(request, name)
    comment = services.add_comment(idea, actor=citizen, body="Rude words")
    services.flag(comment, actor=persona(request, "cso_member"), reason="abuse")

    services.hide(comment, actor=moderator, reason="Insulting another participant.")
    hidden = fresh(comment)
    assert hidden.is_hidden and hidden.hidden_reason == "Insulting another participant."
    assert hidden.hidden_by == moderator and hidden.body == "Rude words"  # nothing deleted
    assert Flag.objects.get(comment=comment).resolution == FlagResolution.HIDDEN

    services.restore(hidden, actor=moderator)
    restored = fresh(comment)
    assert not restored.is_hidden and restored.hidden_reason == ""
    notes = list(AuditEntry.objects.filter(object_type="consultation.comment",
                                           scope=idea.plan.audit_scope)
                 .order_by("id").values_list("note", flat=True))
    assert notes[1].startswith("hidden by a moderator; 1 report") and notes[2].startswith(
        "restored")


@pytest.mark.parametrize("name", MODERATORS)
def test_moderators_hide_and_restore_an_idea(request, idea, name):
    moderator = persona(request, name)

    services.hide(idea, actor=moderator, reason="Personal data of a third person.")
    assert fresh(idea).hidden_reason == "Personal data of a third person."
    services.restore(fresh(idea), actor=moderator)
    assert fresh(idea).hidden_at is None
    assert AuditEntry.objects.filter(object_type="consultation.idea", object_id=idea.pk,
                                     scope=idea.plan.audit_scope, note__contains="moderator"
                                     ).count() == 2


@pytest.mark.parametrize("name", NOT_MODERATORS)
def test_others_cannot_hide_or_restore(request, idea, name):
    user = persona(request, name)
    with pytest.raises(PermissionDenied):
        services.hide(idea, actor=user, reason="Because")
    with pytest.raises(PermissionDenied):
        services.restore(idea, actor=user)
    with pytest.raises(PermissionDenied):
        services.dismiss_flags(idea, actor=user)
    assert fresh(idea).hidden_at is None


def test_hiding_needs_a_public_reason(idea, open_moderator):
    with pytest.raises(ValidationError, match="reason"):
        services.hide(idea, actor=open_moderator, reason="  ")
    assert fresh(idea).hidden_at is None


def test_dismissing_closes_reports_and_lets_people_report_again(idea, citizen, open_moderator):
    services.flag(idea, actor=citizen, reason="spam")
    assert services.dismiss_flags(idea, actor=open_moderator) == 1
    assert Flag.objects.get().resolution == FlagResolution.DISMISSED

    services.flag(idea, actor=citizen, reason="abuse")
    assert Flag.objects.open().count() == 1


# Statements ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["open_coordinator", "open_secretariat", "staff"])
def test_staff_publish_statements_at_once(request, voting_plan, name):
    statement = statement_services.add_statement(voting_plan, actor=persona(request, name),
                                       text="Open data first.", language="en")
    assert statement.approved is True


@pytest.mark.parametrize("name", ["citizen", "cso_member", "open_moderator", "moderator"])
def test_others_propose_statements_for_approval(request, voting_plan, name):
    statement = statement_services.add_statement(voting_plan, actor=persona(request, name),
                                       text="Meetings in the evening.", language="en")
    assert statement.approved is False
    assert list(Statement.objects.pending()) == [statement]


def test_anonymous_cannot_propose(voting_plan, anonymous):
    with pytest.raises(PermissionDenied):
        statement_services.add_statement(voting_plan, actor=anonymous, text="x")


@pytest.mark.parametrize("text, message", [
    ("", "Write the statement"), ("x" * 281, "at most 280 characters"),
])
def test_statements_are_short(voting_plan, open_coordinator, text, message):
    with pytest.raises(ValidationError, match=message):
        statement_services.add_statement(voting_plan, actor=open_coordinator, text=text)


def test_participants_propose_only_while_the_stage_is_open(open_plan, citizen,
                                                           open_coordinator):
    day = today()
    plan_services.add_stage(open_plan, actor=None, kind=StageKind.PRIORITISATION,
                            start=day + datetime.timedelta(days=30),
                            end=day + datetime.timedelta(days=40))
    with pytest.raises(ValidationError, match="Voting on statements opens on"):
        statement_services.add_statement(open_plan, actor=citizen, text="Too early")
    # Staff prepare statements before the stage opens.
    assert statement_services.add_statement(open_plan, actor=open_coordinator,
                                            text="Ready").approved


@pytest.mark.parametrize("name", ["open_moderator", "open_coordinator", "open_secretariat",
                                  "staff"])
def test_moderators_and_staff_approve_or_reject_proposals(request, voting_plan, citizen, name):
    reviewer = persona(request, name)
    first = statement_services.add_statement(voting_plan, actor=citizen, text="First")
    second = statement_services.add_statement(voting_plan, actor=citizen, text="Second")

    statement_services.review_statement(first, actor=reviewer, approve=True)
    statement_services.review_statement(second, actor=reviewer, approve=False)

    assert fresh(first).approved and not fresh(second).approved
    assert fresh(second).rejected_at is not None
    assert not Statement.objects.pending().exists()


@pytest.mark.parametrize("name", ["citizen", "cso_member", "moderator", "assessor"])
def test_others_cannot_approve(request, voting_plan, citizen, name):
    proposal = statement_services.add_statement(voting_plan, actor=citizen, text="Mine")
    with pytest.raises(PermissionDenied):
        statement_services.review_statement(proposal, actor=persona(request, name), approve=True)


# Votes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PARTICIPANTS)
def test_anyone_logged_in_votes_once_and_can_change(request, statement, name):
    user = persona(request, name)

    statement_services.vote(statement, actor=user, choice=1)
    statement_services.vote(statement, actor=user, choice="-1")

    assert list(Vote.objects.filter(statement=statement).values_list("user", "choice")) == [
        (user.pk, -1)]


def test_anonymous_cannot_vote(statement, anonymous):
    with pytest.raises(PermissionDenied):
        statement_services.vote(statement, actor=anonymous, choice=1)


@pytest.mark.parametrize("choice", [2, "agree", None, -2])
def test_only_agree_disagree_or_pass(statement, citizen, choice):
    with pytest.raises(ValidationError, match="agree, disagree or pass"):
        statement_services.vote(statement, actor=citizen, choice=choice)
    assert not Vote.objects.exists()


def test_no_votes_outside_the_stage_or_on_proposals(open_plan, voting_plan, citizen,
                                                    open_coordinator):
    proposal = statement_services.add_statement(voting_plan, actor=citizen, text="Pending")
    with pytest.raises(ValidationError, match="not open for votes"):
        statement_services.vote(proposal, actor=citizen, choice=1)

    stage = voting_plan.stages.get(kind=StageKind.PRIORITISATION)
    published = statement_services.add_statement(voting_plan, actor=open_coordinator,
                                                 text="Published")
    plan_services.update_stage(stage, actor=None, start=today() - datetime.timedelta(days=5),
                               end=today() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="Voting on statements is not open"):
        statement_services.vote(fresh(published), actor=citizen, choice=1)


def test_totals_count_each_choice(statement, citizen, cso_member, assessor, staff):
    for user, choice in [(citizen, 1), (cso_member, 1), (assessor, -1), (staff, 0)]:
        statement_services.vote(statement, actor=user, choice=choice)

    row = Statement.objects.with_totals().get(pk=statement.pk)
    assert (row.agree_count, row.disagree_count, row.pass_count) == (2, 1, 1)
    # The vote itself stays out of public history pages.
    entry = AuditEntry.objects.filter(object_type="consultation.vote").first()
    assert entry.scope == "" and "choice" in entry.personal_fields

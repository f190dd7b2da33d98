"""The consultation writes that used to skip the audit log: the follow that a comment
implies and the closing of reports are audited now; the rest are operational and listed
in docs/architecture.md with the reason."""

from pathlib import Path

import pytest

from bashke.consultation.models import Flag
from bashke.consultation.services import deliberation
from bashke.consultation.services import ideas as idea_services
from bashke.core.models import AuditEntry
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user
from scenes import local_plan


@pytest.fixture
def idea(db):
    plan = local_plan()
    author = make_user("author@example.org", "Author")
    component = plan.goals.get().components.get()
    return idea_services.submit_idea(plan, actor=author, answers={
        "title": "Open budget data", "overall_idea": "Publish it.", "component": component})


def entries_for(model_label, **filters):
    return AuditEntry.objects.filter(object_type=model_label, **filters)


def test_the_follow_a_first_comment_implies_is_audited_once(idea):
    commenter = make_user("commenter@example.org", "Commenter")
    deliberation.add_comment(idea, actor=commenter, body="Yes, and the annexes too.")
    deliberation.add_comment(idea, actor=commenter, body="And the procurement data.")
    follows = entries_for("consultation.follow")
    assert [(e.actor_id, e.note, e.changes) for e in follows] == [
        (commenter.pk, "follow (commented)", {"active": [None, True]})]


def test_the_author_commenting_follows_nothing_new(idea):
    deliberation.add_comment(idea, actor=idea.author, body="To answer the questions: …")
    assert not entries_for("consultation.follow").exists()


@pytest.mark.parametrize("action, resolution", [("hide", "hidden"), ("dismiss", "dismissed")])
def test_closing_reports_audits_each_report(idea, action, resolution):
    moderator = make_user("moderator@example.org", "Moderator")
    plan_services.assign_role(idea.plan, moderator, Role.MODERATOR, actor=None)
    reporters = [make_user(f"reporter{n}@example.org", f"Reporter {n}") for n in range(2)]
    reports = [deliberation.flag(idea, actor=reporter, reason="spam") for reporter in reporters]
    if action == "hide":
        deliberation.hide(idea, actor=moderator, reason="Advertising.")
    else:
        assert deliberation.dismiss_flags(idea, actor=moderator) == 2
    closed = entries_for("consultation.flag", action=AuditEntry.Action.UPDATE)
    assert sorted(int(e.object_id) for e in closed) == sorted(r.pk for r in reports)
    for entry in closed:
        assert entry.actor_id == moderator.pk and entry.scope == ""
        assert entry.changes["resolution"] == ["", resolution]
    assert set(Flag.objects.values_list("resolution", flat=True)) == {resolution}


def test_the_operational_writes_are_listed_with_their_reason():
    text = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text()
    section = text.split("## Writes outside the audit log", 1)[1].split("\n## ", 1)[0]
    for write in ("IdeaDraft", "PendingWordForm", "last_digest_for", "IdempotencyKey",
                  "RateEvent"):
        assert write in section, write

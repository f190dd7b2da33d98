"""What the assessment app holds about one person: for "Download my data" and "Delete my
account" (found by ``bashke.accounts.privacy`` through the app registry).

Scores, decisions and forum memberships are work done in a role on a plan, part of the
plan's public record (OGP asks that the forum's membership and the reasons for each
decision be published): deleting the account keeps them, no longer linked to the person
where the link can go. Each export runs a fixed number of queries.
"""

from django.db.models import F

from bashke.assessment.models import Assessment, Decision, ForumMember

HANDLES = {
    "assessment.Assessment.assessor": "kept with the plan's assessment; the account is erased",
    "assessment.Decision.decided_by": "kept (staff work), shown as a former participant",
    "assessment.ForumMember.user": "the account unlinked; the published membership stays",
}


def export(user) -> dict:
    return {
        "assessments": list(Assessment.objects.filter(assessor=user).order_by("pk").values(
            "id", "idea_id", plan_slug=F("idea__plan__slug"))),
        "decisions_taken": list(Decision.objects.filter(decided_by=user).order_by("pk")
                                .values("idea_id", "kind", "response_sq", "response_en",
                                        "decided_at")),
        "forum_memberships": list(ForumMember.objects.filter(user=user).order_by("pk").values(
            "name", "organisation_name", "sector", "joined_on", "left_on",
            plan_slug=F("plan__slug"))),
    }


def files(user):
    return iter(())


def erase(user) -> dict:
    return {"forum_memberships_unlinked":
            ForumMember.objects.filter(user=user).update(user=None)}

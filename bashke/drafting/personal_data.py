"""What the drafting app holds about one person: their comments on versions of the action
plan, and the versions they froze as coordinator. Found by ``bashke.accounts.privacy``
through the app registry (accounts may not import drafting)."""

from django.db.models import F

from bashke.drafting.models import PlanVersion, VersionComment

HANDLES = {
    "drafting.VersionComment.author": "kept, shown as a former participant",
    "drafting.PlanVersion.frozen_by": "kept (staff work); pages name no one",
}


def export(user) -> dict:
    return {
        "version_comments": list(
            VersionComment.objects.filter(author=user).order_by("pk")
            .values("id", "row", "body", "language", "created_at", "hidden_at",
                    "hidden_reason", version_number=F("version__number"),
                    plan_slug=F("version__plan__slug"))),
        "versions_frozen": list(
            PlanVersion.objects.filter(frozen_by=user).order_by("pk")
            .values("number", "frozen_at", plan_slug=F("plan__slug"))),
    }


def files(user):
    return ()


def erase(user) -> dict:
    # A comment is part of the public record of the consultation: it stays, and pages show
    # its author as a former participant once the account is erased (User.public_name).
    return {}

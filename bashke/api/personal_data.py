"""The API tokens of one person, for "Download my data" and "Delete my account". Found by
``bashke.accounts.privacy`` through the app registry: nothing imports api."""

from bashke.api.models import ApiToken

HANDLES = {"api.ApiToken.user": "deleted"}


def export(user) -> dict:
    # Never the hash: the file may be stored carelessly, and the prefix is enough to tell
    # the tokens apart.
    return {"api_tokens": list(
        ApiToken.objects.filter(user=user).order_by("pk")
        .values("name", "prefix", "created_at", "last_used_at", "revoked_at"))}


def files(user):
    return ()


def erase(user) -> dict:
    return {"api_tokens": ApiToken.objects.filter(user=user).delete()[0]}

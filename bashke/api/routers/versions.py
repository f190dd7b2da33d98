"""The API for versions of the action plan."""

from ninja import Router

router = Router(tags=["versions"])

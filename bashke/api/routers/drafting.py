"""The API for the action plan table."""

from ninja import Router

router = Router(tags=["drafting"])

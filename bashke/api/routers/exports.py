"""The API for downloads of the action plan."""

from ninja import Router

router = Router(tags=["exports"])

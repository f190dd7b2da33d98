"""The API for criteria sheets and assessments."""

from ninja import Router

router = Router(tags=["assessment"])

"""The API for decisions on ideas, reasoned responses, the forum."""

from ninja import Router

router = Router(tags=["decisions"])

"""Consultation: ideas (read endpoints, and writes where the issue asks)."""

from ninja import Router

router = Router(tags=["ideas"])

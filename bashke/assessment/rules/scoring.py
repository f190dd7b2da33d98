"""Permissions: scoring."""

import rules  # noqa: F401

"""Permissions: decisions."""

import rules  # noqa: F401

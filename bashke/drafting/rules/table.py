"""Permissions: table."""

import rules  # noqa: F401

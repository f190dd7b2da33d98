"""Permissions: criteria."""

import rules  # noqa: F401

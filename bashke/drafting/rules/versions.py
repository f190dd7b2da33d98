"""Permissions: versions."""

import rules  # noqa: F401

"""Permissions: forum."""

import rules  # noqa: F401

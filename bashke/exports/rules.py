"""Permissions of the exports: who may import a filled table back."""

import rules  # noqa: F401

"""Permissions for briefs."""

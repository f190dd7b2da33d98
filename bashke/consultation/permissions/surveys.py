"""Permissions for surveys."""

"""Permissions for summary."""

"""Permissions for deliberation."""

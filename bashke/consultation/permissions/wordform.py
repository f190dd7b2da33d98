"""Permissions for wordform."""

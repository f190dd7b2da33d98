"""Permissions for meetings."""

"""Drafting forms, one module per sub-domain."""

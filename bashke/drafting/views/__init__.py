"""Drafting pages, one module per sub-domain."""

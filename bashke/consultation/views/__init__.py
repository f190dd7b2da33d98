"""Consultation pages, one module per sub-domain."""

"""Consultation permissions, one module per sub-domain, registered by ../rules.py."""

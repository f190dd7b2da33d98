"""Admin registrations, one module per sub-domain (consultation/admin_*.py)."""

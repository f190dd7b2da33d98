"""Every write to the drafting app, one module per sub-domain (table, versions)."""

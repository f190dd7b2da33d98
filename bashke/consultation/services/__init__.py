"""Every write of the consultation, one module per sub-domain. Each function takes a
keyword-only ``actor``, runs in one transaction and leaves an audit entry."""

"""The assessment's forms, one module per sub-domain."""

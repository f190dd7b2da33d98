"""The assessment's views, one module per sub-domain."""

"""Demo data of the consultation, one module per sub-domain, each with ``load(out)``."""

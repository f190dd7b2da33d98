"""deliberation writes (see the package docstring)."""

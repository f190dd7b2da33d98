"""briefs writes (see the package docstring)."""

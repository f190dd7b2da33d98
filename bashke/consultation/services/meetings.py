"""meetings writes (see the package docstring)."""

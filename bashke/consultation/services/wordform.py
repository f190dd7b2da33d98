"""wordform writes (see the package docstring)."""

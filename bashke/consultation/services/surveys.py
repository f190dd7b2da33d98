"""surveys writes (see the package docstring)."""

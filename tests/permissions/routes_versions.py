"""Requests for the matrix rows of the section on versions (docs/permissions-matrix.md)."""

from .routes import Spec, on, plan  # noqa: F401

ROUTES = {
}

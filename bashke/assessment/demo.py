"""The assessment's demo data: each sub-domain's module in ``demos/`` that exists, in this
order (the forum first: assessors are drawn from it)."""

from importlib import import_module
from importlib.util import find_spec

AREAS = ["forum", "criteria", "scoring", "decisions"]


def load(out):
    for area in AREAS:
        name = f"bashke.assessment.demos.{area}"
        if find_spec(name) is not None:
            import_module(name).load(out)

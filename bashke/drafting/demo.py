"""The drafting's demo data: each sub-domain's module in ``demos/`` that exists, in this
order (the table first: versions freeze it)."""

from importlib import import_module
from importlib.util import find_spec

AREAS = ["table", "versions"]


def load(out):
    for area in AREAS:
        name = f"bashke.drafting.demos.{area}"
        if find_spec(name) is not None:
            import_module(name).load(out)

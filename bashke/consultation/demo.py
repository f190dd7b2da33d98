"""The consultation's demo data: each sub-domain's module in ``demos/`` that exists, in
this order (ideas first, for meetings and surveys refer to them)."""

from importlib import import_module
from importlib.util import find_spec

AREAS = ["briefs", "ideas", "deliberation", "prioritisation", "meetings", "surveys"]


def load(out):
    for area in AREAS:
        name = f"bashke.consultation.demos.{area}"
        if find_spec(name) is not None:
            import_module(name).load(out)

"""How core reaches into the apps above it without importing them: each app that has a
module of an agreed name (``demo``, ``housekeeping``, ``personal_data``) is found through
Django's app registry, in the order of INSTALLED_APPS."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def app_modules(name: str):
    """(app label, module) for every app of ours that has ``<app>/<name>.py``."""
    found = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.{name}"
        if app_config.name.startswith("bashke.") and find_spec(module_name) is not None:
            found.append((app_config.label, import_module(module_name)))
    return found

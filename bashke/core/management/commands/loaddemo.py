"""``bashke loaddemo``: every app's demo data, in the order of INSTALLED_APPS.

Each app that has demo data keeps it in its own ``demo.py`` with a ``load(out)`` function
that creates only what is missing, so running the command twice loads nothing twice. The
modules are found through the app registry, not imported here, so core depends on no app.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo plans and accounts (idempotent)."

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if not app_config.name.startswith("bashke.") or find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self.stdout)

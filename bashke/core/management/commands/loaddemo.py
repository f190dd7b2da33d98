"""``bashke loaddemo``: every app's demo data, in the order of INSTALLED_APPS.

Each app that has demo data keeps it in its own ``demo.py`` with a ``load(out)`` function
that creates only what is missing, so running the command twice loads nothing twice. The
modules are found through the app registry, not imported here, so core depends on no app.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from bashke.core.discovery import app_modules


class Command(BaseCommand):
    help = "Load the demo plans and accounts (idempotent)."

    def handle(self, *args, **options):
        for _label, module in app_modules("demo"):
            with transaction.atomic():
                module.load(self.stdout)

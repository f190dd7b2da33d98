"""``bashke worker``: one background task worker (django-tasks' database worker)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run a background task worker (run as many as needed)."

    def handle(self, *args, **options):
        call_command("db_worker")

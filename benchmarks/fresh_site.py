"""A throw-away Bashkë on a fresh SQLite database (or BENCH_DATABASE_URL) with the demo."""

import os
import warnings

# WhiteNoise notes that static files are not collected; the pages measured do not need them.
warnings.filterwarnings("ignore", "No directory at")


def setup_django(folder):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bashke.settings")
    os.environ["BASHKE_VAR_DIR"] = folder
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddemo", stdout=open(os.devnull, "w"))

"""Seeds the fault test's own database: a plan taking ideas and N people with API tokens.

Run as a script by tests/faults/test_crash_restart.py, with DATABASE_URL naming that
database; prints {"slug": …, "tokens": […]} as JSON.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bashke.settings")

import django  # noqa: E402

django.setup()

from bashke.accounts.models import User  # noqa: E402
from bashke.api import services  # noqa: E402

from scenes import local_plan  # noqa: E402


def main(count: int) -> dict:
    plan = local_plan()
    tokens = []
    for number in range(count):
        # No password: hashing 200 of them would take a minute and nobody logs in here.
        user = User.objects.create_user(email=f"submitter{number}@example.org", password=None,
                                        display_name=f"Submitter {number}",
                                        email_verified=True)
        tokens.append(services.create_token(user, actor=None, name="faults")[1])
    return {"slug": plan.slug, "tokens": tokens}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))

"""``bashke senddigest``: queues yesterday's digest e-mail for everyone who asked for one.

Run it once a day, after midnight (cron, a systemd timer); the task workers send the mails.
Running it twice for the same day sends nothing twice: each person's digest claims its day.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bashke.consultation import notifications


class Command(BaseCommand):
    help = "Queue the daily digest e-mails (by default for yesterday)."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="The day to summarise, YYYY-MM-DD (default: "
                                          "yesterday, in the site's time zone).")
        parser.add_argument("--site-url", default="",
                            help="Scheme and host for the links in the e-mails, e.g. "
                                 "https://bashke.example (default: the SITE_URL setting).")

    def handle(self, *args, day=None, site_url="", **options):
        if day:
            try:
                day = datetime.date.fromisoformat(day)
            except ValueError:
                raise CommandError(f"--day must be a date as YYYY-MM-DD, not {day!r}.") from None
        else:
            day = timezone.localdate() - datetime.timedelta(days=1)
        if site_url and not site_url.startswith(("http://", "https://")):
            raise CommandError("--site-url must start with http:// or https://.")
        count = notifications.queue_digests(day, site_url.rstrip("/") or None)
        self.stdout.write(f"Queued {count} digest(s) for {day.isoformat()}.")

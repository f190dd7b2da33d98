"""``bashke prune``: delete old operational records now, as the daily task does."""

from django.core.management.base import BaseCommand

from bashke.core.housekeeping import prune_all


class Command(BaseCommand):
    help = ("Delete operational records past their retention (rate-limit events, failed "
            "log-ins, unconfirmed Word forms, revoked tokens, idempotency keys, expired "
            "sessions) and print how many went. `bashke serve` does this once a day.")

    def handle(self, *args, **options):
        failed = False
        for app_label, counts in prune_all().items():
            for kind, count in sorted(counts.items()):
                self.stdout.write(f"{app_label}.{kind}: {count}")
                failed = failed or kind == "failed"
        if failed:
            self.stderr.write("Some records could not be pruned; see the log.")
            raise SystemExit(1)

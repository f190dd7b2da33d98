"""``bashke createtoken EMAIL [--name LABEL]``: a bearer token for the API.

The token goes alone to standard output, so ``TOKEN=$(bashke createtoken …)`` works; what
to do with it goes to standard error. It is shown this once: only its hash is stored.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from bashke.api import services


class Command(BaseCommand):
    help = "Create an API token for a person and print it (once)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="E-mail address of the person the token acts for.")
        parser.add_argument("--name", default="", help="What the token is for, e.g. "
                                                       "'data portal sync'.")

    def handle(self, *args, email, name, **options):
        User = get_user_model()
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address '{email}'. Tokens act for an "
                               f"existing account: create the account first.")
        if not user.is_active:
            raise CommandError(f"The account '{user.email}' is deactivated; a token for it "
                               f"would be refused.")
        token, plain = services.create_token(user, actor=None, name=name,
                                             note="Created with the createtoken command.")
        self.stdout.write(plain)
        label = f" “{token.name}”" if token.name else ""
        # A note, not an error: plain, where the default would colour standard error red.
        self.stderr.write(f"Token {token.prefix}…{label} created for {user.email}. Store it "
                          f"now: it is not shown again. Use it as the header "
                          f"'Authorization: Bearer <token>'.", style_func=str)

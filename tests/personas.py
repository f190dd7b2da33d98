"""Helpers for building people in tests; the persona fixtures live in conftest.py."""

from bashke.accounts.models import Sector, User

PASSWORD = "correct horse battery staple"


def make_user(email, name, *, sector=Sector.CITIZEN, organisation=None, **extra):
    return User.objects.create_user(email=email, password=PASSWORD, display_name=name,
                                    sector=sector, organisation=organisation,
                                    email_verified=True, **extra)

"""The ``bashke`` command: Django's management commands with the settings preset."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bashke.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bashke", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()

"""The drafting app's permissions, one module per sub-domain. django-rules autodiscovers
this package; importing it registers them all."""

from bashke.drafting.rules import table, versions  # noqa: F401

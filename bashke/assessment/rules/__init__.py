"""The assessment's permissions, one module per sub-domain. django-rules autodiscovers
this package; importing it registers them all."""

from bashke.assessment.rules import criteria, decisions, forum, scoring  # noqa: F401

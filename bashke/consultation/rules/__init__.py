"""The consultation's permissions, one module per sub-domain. django-rules autodiscovers
this package; importing it registers them all. The only place they are decided: services,
views, forms, the API and the admin ask through ``bashke.core.permissions``."""

from bashke.consultation.rules import (  # noqa: F401
    briefs,
    deliberation,
    ideas,
    meetings,
    surveys,
    wordform,
)

"""Which table an export writes: the live draft (``tree.build``) or a frozen version's
snapshot (``tree.from_json``), and the plan around it. The pages and the API share this, so
both refuse the same bad ``?version=`` and ``?lang=`` in the same words."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from bashke.core.text import active_content_language
from bashke.drafting import tree
from bashke.drafting.models import PlanVersion
from bashke.exports.labels import LANGUAGES
from bashke.plans.models import ActionPlan

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


class NotFound(LookupError):
    """No such plan, version or measure: a 404 with this message."""


class BadLanguage(ValueError):
    """A ``lang`` other than sq or en: a 422 (API) or 400 (page)."""


@dataclass
class Source:
    plan: ActionPlan
    table: tree.PlanTable
    version: PlanVersion | None
    language: str

    def filename(self, kind, extension, suffix=""):
        at = f"v{self.version.number}" if self.version else "draft"
        return f"{self.plan.slug}-{kind}{suffix}-{at}-{self.language}.{extension}"


def plans():
    return ActionPlan.objects.select_related("jurisdiction")


def plan_or_none(slug):
    return plans().filter(slug=slug).first()


def language_or_default(asked):
    if asked in (None, ""):
        return active_content_language()
    if asked not in LANGUAGES:
        raise BadLanguage(_("The language must be “sq” or “en”, not “%(lang)s”.")
                          % {"lang": asked})
    return asked


def version_or_none(plan, asked):
    """The version numbered ``asked`` of ``plan``; None for the live draft."""
    if asked in (None, ""):
        return None
    try:
        number = int(asked)
    except (TypeError, ValueError):
        number = 0
    version = (PlanVersion.objects.filter(plan=plan, number=number).first()
               if 0 < number < 2**31 else None)
    if version is None:
        raise NotFound(_("The plan has no version %(version)s.") % {"version": asked})
    return version


def table_of(plan, version):
    if version is None:
        return tree.build(plan)
    return tree.from_json(version.snapshot)


def source(plan, *, version=None, language=None) -> Source:
    """``version`` and ``language`` as asked (strings or None); raises NotFound or
    BadLanguage."""
    language = language_or_default(language)
    found = version_or_none(plan, version)
    return Source(plan, table_of(plan, found), found, language)

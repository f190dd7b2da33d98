"""What stops a plan from being marked submitted, as far as the assessment is concerned:
ideas still awaiting a response (OGP standard 4: every contribution is answered before the
plan goes out). Found by ``plans.services`` through the app registry."""

from django.utils.translation import ngettext

from bashke.consultation.models import Idea
from bashke.consultation.outcomes import awaiting_response


def blockers(plan) -> list[str]:
    waiting = awaiting_response(Idea.objects.filter(plan=plan)).count()
    if not waiting:
        return []
    return [ngettext(
        "%(count)s idea still awaits a response: decide on it, with its reasons, before the "
        "plan is submitted.",
        "%(count)s ideas still await a response: decide on each, with its reasons, before the "
        "plan is submitted.", waiting) % {"count": waiting}]

"""What the downloads panel (``exports/_downloads.html``) needs beside the plan: its
versions to choose from, and whether the visitor may import the table back. Two queries,
whatever the page that includes the panel."""

from django import template

from bashke.core.permissions import allowed
from bashke.drafting.models import PlanVersion

register = template.Library()


@register.simple_tag(takes_context=True)
def export_choices(context, plan):
    request = context.get("request")
    user = getattr(request, "user", None)
    versions = list(PlanVersion.objects.filter(plan=plan).order_by("-number")
                    .only("number", "status", "plan_id"))
    return {
        "versions": versions,
        "can_import": user is not None and allowed(user, "exports.import_table", plan),
    }

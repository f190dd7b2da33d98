"""Template helpers for the action plan table: amounts in the reader's language, and the
SMART warnings of one row."""

from django import template

from bashke.drafting.amounts import format_amount

register = template.Library()


@register.filter
def amount(value):
    """Thousand lek, as the reader's language writes numbers ("1.250,50" / "1,250.50")."""
    return format_amount(value)


@register.simple_tag
def smart_warnings(report, kind, item_id):
    """The SMART warnings of one measure or activity of ``report``."""
    return report.of(f"{kind}:{item_id}")


@register.filter
def may_draft(drafts, component_id):
    """``drafts|may_draft:component.id``: whether the visitor drafts that component."""
    return bool(drafts) and drafts[component_id]

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from bashke.core.text import format_day

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language, for the language switch."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    # Each language is named in itself, so that a reader who cannot read the page still
    # finds their own.
    return [
        {"code": code, "name": capfirst(get_language_info(code)["name_local"]),
         "url": translate_url(path, code), "active": code == current}
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def day(value):
    return format_day(value)


@register.filter
def dayrange(stage_or_plan):
    return f"{day(stage_or_plan.start)} – {day(stage_or_plan.end)}"

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language, for the language switch."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return [
        {"code": code, "name": name, "url": translate_url(path, code), "active": code == current}
        for code, name in settings.LANGUAGES
    ]


@register.filter
def day(value):
    """A date as Albanian documents write it, day first, in the active language."""
    return date_format(value, "j E Y") if value else ""


@register.filter
def dayrange(stage_or_plan):
    return f"{day(stage_or_plan.start)} – {day(stage_or_plan.end)}"

from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from bashke.core.permissions import allowed
from bashke.core.text import format_day, format_moment, format_number

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language, for the language switch."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    # Each language is named in the page's language, as everywhere else on the page
    # ("Anglisht" on an Albanian page), and in itself beside it when that differs, so that a
    # reader who cannot read the page still finds their own.
    links = []
    for code, name in settings.LANGUAGES:
        own = capfirst(get_language_info(code)["name_local"])
        name = capfirst(str(name))
        links.append({"code": code, "name": name, "own": "" if own == name else own,
                      "url": translate_url(path, code), "active": code == current})
    return links


@register.filter
def day(value):
    return format_day(value)


@register.filter
def moment(value):
    return format_moment(value)


@register.filter
def number(value, decimals=None):
    """``{{ share|number }}``, ``{{ cost|number:1 }}``: 41,3 and 1.250 on Albanian pages."""
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def dayrange(stage_or_plan):
    return f"{day(stage_or_plan.start)} – {day(stage_or_plan.end)}"


@register.simple_tag(takes_context=True)
def may(context, perm, obj=None):
    """``{% may "app.perm" obj as flag %}``: whether the person reading may do it, asked
    through the kernel like every other decision (for links only; the page behind the link
    asks again)."""
    # Never None: to the kernel None is the system, which may do everything.
    user = getattr(context.get("request"), "user", None) or AnonymousUser()
    return allowed(user, perm, obj)

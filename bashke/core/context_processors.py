"""What every page's template needs to know about the request beyond Django's own."""

FOCUS_HEADING = "focus_heading"


def focus(request):
    """Once, after an action that lands a person on a new page (log-in), the keyboard
    starts at the page's main heading (static/bashke/focus.js)."""
    session = getattr(request, "session", None)
    if session is not None and session.get(FOCUS_HEADING):
        del session[FOCUS_HEADING]
        return {"focus_heading": True}
    return {}

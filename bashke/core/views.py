from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache

from bashke.core.permissions import require


@never_cache
def healthz(request):
    # Asked as the public: a probe must not read a session from the database it checks.
    require(AnonymousUser(), "core.view_public")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "unavailable", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def not_found(request, exception=None):
    # A path under an unknown language prefix (/de/…) lands here too: say which exist.
    first_segment = request.path.strip("/").split("/", 1)[0]
    known = [code for code, _name in settings.LANGUAGES]
    unknown_language = (len(first_segment) == 2 and first_segment.isalpha()
                        and first_segment not in known)
    if translation.get_language() not in known:
        translation.activate(settings.LANGUAGE_CODE)
    return render(request, "404.html", {
        "unknown_language": first_segment if unknown_language else "",
        "known_languages": settings.LANGUAGES,
    }, status=404)

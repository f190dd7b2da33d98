"""Security headers on every response.

Django's SecurityMiddleware sets nosniff, the referrer policy, HSTS and the SSL redirect
(settings.py turns them on, HSTS only with HTTPS=on); this adds what Django has no
setting for: the Content-Security-Policy and the Permissions-Policy.

The policy allows no inline script or style, so a text that slipped past the escaping
could still run nothing: every style sits in bashke/static/*.css and every script in a
static file. The one exception is Django's own admin, whose change list writes a small
``<style>`` block when a model has no actions; it is allowed by its hash, on /admin/
pages only, rather than by opening 'unsafe-inline' (docs/deployment.md).
"""

import base64
import hashlib

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "interest-cohort"))

# The exact text of the <style> block in django/contrib/admin/templates/admin/
# change_list.html (Django 5.2), white space included, as the browser hashes it.
ADMIN_CHANGE_LIST_STYLE = "\n      #changelist table thead th:first-child {width: inherit}\n    "


def style_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render(policy: dict) -> str:
    return "; ".join(f"{name} {value}" for name, value in policy.items())


CONTENT_SECURITY_POLICY = render(CSP)
ADMIN_CONTENT_SECURITY_POLICY = render(
    {**CSP, "style-src": f"'self' {style_hash(ADMIN_CHANGE_LIST_STYLE)}"})


def is_admin(path: str) -> bool:
    # /sq/admin/…, /en/admin/…: the admin sits under the language prefix.
    parts = path.lstrip("/").split("/", 2)
    return len(parts) > 1 and parts[1] == "admin"


class SecurityHeaders:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = (ADMIN_CONTENT_SECURITY_POLICY if is_admin(request.path_info)
                  else CONTENT_SECURITY_POLICY)
        response.setdefault("Content-Security-Policy", policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Django sets these too when its settings ask; kept here so that no response can
        # go out without them, whatever the settings say.
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", "same-origin")
        # frame-ancestors says the same to current browsers; this, to older ones.
        response.setdefault("X-Frame-Options", "DENY")
        return response

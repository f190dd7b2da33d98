"""Bearer-token authentication: ``Authorization: Bearer bk_…``.

Every refusal is a 401 whose JSON says what was wrong, because "Unauthorized" alone leaves
a developer guessing between a typo in the header, a revoked token and a closed account.
"""

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from bashke.api import services
from bashke.api.models import TOKEN_PATTERN, ApiToken, hash_token

HOW_TO = "Send the header 'Authorization: Bearer <token>'; see docs/api.md to get a token."


class TokenError(AuthenticationError):
    """A 401 with the ``error`` code of RFC 6750 for the ``WWW-Authenticate`` header:
    ``invalid_request`` for a malformed header, ``invalid_token`` for a bad token, none
    when no credentials were sent."""

    def __init__(self, message: str, error: str = "") -> None:
        super().__init__(status_code=401, message=message)
        self.error = error

    @property
    def www_authenticate(self) -> str:
        if not self.error:
            return 'Bearer realm="bashke"'
        return f'Bearer realm="bashke", error="{self.error}"'


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> ApiToken:
        header = request.headers.get(self.header, "")
        if not header.strip():
            raise TokenError(f"Authentication required. {HOW_TO}")
        scheme, _space, token = header.strip().partition(" ")
        if scheme.lower() != "bearer":
            raise TokenError(f"Malformed Authorization header: expected the Bearer scheme, "
                             f"got '{scheme[:20]}'. {HOW_TO}", "invalid_request")
        token = token.strip()
        if not token:
            raise TokenError(f"Malformed Authorization header: no token after 'Bearer'. "
                             f"{HOW_TO}", "invalid_request")
        if not TOKEN_PATTERN.match(token):
            raise TokenError("Malformed token: Bashkë tokens are 'bk_' followed by 43 "
                             "letters, digits, '-' or '_'.", "invalid_request")
        return self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = (ApiToken.objects.select_related("user", "user__organisation")
                 .filter(token_hash=hash_token(token)).first())
        if found is None:
            raise TokenError("Unknown token: it may have been mistyped or never existed.",
                             "invalid_token")
        if found.revoked_at is not None:
            raise TokenError(f"This token ({found.prefix}…) was revoked on "
                             f"{found.revoked_at:%Y-%m-%d}; ask for a new one.", "invalid_token")
        if not found.user.is_active:
            raise TokenError("The account this token belongs to is deactivated.",
                             "invalid_token")
        services.mark_used(found)
        # Code shared with the web pages (permissions, services) asks request.user.
        request.user = found.user
        return found

"""A person's rights over their data: download all of it, delete the account.

Each app says what it holds about a person in its own ``personal_data.py`` —
``HANDLES`` (every foreign key to the user, and what deletion does with it),
``export(user) -> dict``, ``files(user)`` (name, file) pairs and ``erase(user) -> dict`` of
counts. The modules are found through the app registry, as ``loaddemo`` finds ``demo.py``,
because accounts sits below the apps that hold most of it and may not import them.
"""

import io
import json
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.accounts.models import Sector, User
from bashke.core import audit
from bashke.core.discovery import app_modules
from bashke.core.models import AuditEntry

FORMAT_VERSION = 1
DOWNLOADS_PER_HOUR = 5
PROFILE_FIELDS = ("email", "pending_email", "email_verified", "display_name", "sector",
                  "gender", "preferred_language", "date_joined", "last_login", "is_staff")


def personal_data_modules():
    """(app label, module) for every app of ours with a ``personal_data.py``."""
    return app_modules("personal_data")


def handled_references() -> set[str]:
    handled = set()
    for _label, module in personal_data_modules():
        handled |= set(module.HANDLES)
    return handled


# Download -----------------------------------------------------------------------------------

def collect(user: User) -> dict:
    data = {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "profile": {field: getattr(user, field) for field in PROFILE_FIELDS},
    }
    for label, module in personal_data_modules():
        data[label] = module.export(user)
    return data


def export_zip(user: User) -> bytes:
    """One zip: ``personal-data.json`` and, under ``files/``, what the person uploaded."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("personal-data.json", json.dumps(
            collect(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for _label, module in personal_data_modules():
            for name, stored in module.files(user):
                try:
                    with stored.open("rb") as handle:
                        archive.writestr(f"files/{name}", handle.read())
                except OSError:
                    # A file gone from storage should not cost the person the rest.
                    archive.writestr(f"files/{name}.missing.txt",
                                     "This file is no longer in storage.\n")
    audit.record(actor=user, action=AuditEntry.Action.UPDATE, instance=user,
                 note="Downloaded their personal data.")
    return buffer.getvalue()


# Deletion -----------------------------------------------------------------------------------

def erased_email(user: User) -> str:
    # Unique, never deliverable (.invalid is reserved, RFC 2606), and frees the real address.
    return f"erased-{user.pk}@erased.invalid"


@transaction.atomic
def erase_account(user: User, *, actor, password) -> dict:
    """Delete the account at its owner's request, confirmed with their password.

    What only they had is deleted; what they published stays, in its place, under
    "a former participant". The row itself stays (with nothing personal in it) so that
    references from ideas, comments and the audit log keep pointing somewhere."""
    if getattr(actor, "pk", None) != user.pk:
        raise PermissionDenied("Only the person may delete their own account.")
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        raise ValidationError(_("This account has already been deleted."), code="erased")
    if not user.check_password(password or ""):
        raise ValidationError({"password": _("The password is not right. Type the password "
                                             "you log in with.")}, code="wrong_password")
    counts = {}
    for label, module in reversed(personal_data_modules()):
        counts[label] = module.erase(user)
    user.email = erased_email(user)
    user.pending_email = ""
    user.display_name = ""
    user.organisation = None
    user.gender = ""
    # Sector is a category, not a name, but with the rest gone it is the last thing that
    # says who the person was; participation counts already drawn are not recalculated.
    user.sector = Sector.CITIZEN
    user.email_verified = False
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.verification_sent_at = user.password_reset_sent_at = None
    # Changing the password hash also ends every session of the account on every device.
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # No personal data in the entry: counts only, and the account's number.
    audit.record(actor=None, action=AuditEntry.Action.DELETE, instance=user,
                 note="Account deleted at the person's request; personal data erased: "
                      + json.dumps(counts, sort_keys=True))
    return counts

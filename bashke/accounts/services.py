"""Every write to people and organisations. Each function that changes data takes a
keyword-only ``actor``, runs in one transaction and leaves an audit entry; personal fields
are marked so that public pages never show them."""

from datetime import timedelta

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bashke.accounts import tasks, throttle
from bashke.accounts.models import (
    PERSONAL_FIELDS,
    Organisation,
    Sector,
    User,
    normalise_email,
    organisation_name_key,
)
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import require

CREATE, UPDATE = AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE

PROFILE_FIELDS = ("display_name", "organisation", "sector", "gender", "preferred_language")
# What the audit log keeps of a person. Never the password hash: the log is kept forever.
AUDITED_USER_FIELDS = ("email", "pending_email", "email_verified", "is_active", *PROFILE_FIELDS)
# Slugs that would shadow a fixed address under /organisations/.
RESERVED_SLUGS = {"new"}
# A person may ask for another verification or password-reset e-mail this often.
MAIL_RESEND_INTERVAL = timedelta(minutes=5)


def _user_snapshot(user: User) -> dict:
    return audit.snapshot(user, fields=AUDITED_USER_FIELDS)


def _record_user(user, *, actor, action, before, note=""):
    audit.record(actor=actor, action=action, instance=user, before=before,
                 after=_user_snapshot(user), note=note, personal_fields=PERSONAL_FIELDS)


def duplicate_email_error() -> ValidationError:
    return ValidationError(
        {"email": _("An account with this e-mail address already exists. If it is yours, "
                    "log in or ask for a new password.")},
        code="duplicate_email",
    )


def email_taken(email: str, *, exclude=None) -> bool:
    others = User.objects.filter(email__iexact=normalise_email(email))
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


# Signing up and verifying -----------------------------------------------------------------

@transaction.atomic
def sign_up(*, actor, email, password, display_name, site_root, organisation=None,
            sector=Sector.CITIZEN, gender="", preferred_language="sq") -> User:
    """Create an account and queue the e-mail that verifies its address."""
    user = User(email=normalise_email(email), display_name=display_name,
                organisation=organisation, sector=sector, gender=gender,
                preferred_language=preferred_language, verification_sent_at=timezone.now())
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    user.set_password(password)
    user.full_clean()
    try:
        # Two sign-ups with one address can both pass full_clean(); the database decides.
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise duplicate_email_error() from None
    # Someone signing up is not logged in yet: the new account is its own author.
    _record_user(user, actor=actor if getattr(actor, "is_authenticated", False) else user,
                 action=CREATE, before={})
    # With the database task backend the queued task commits or rolls back with the account.
    tasks.send_verification_email.enqueue(user.pk, site_root)
    return user


def _claim_mail_slot(user: User, field: str) -> bool:
    """Stamp ``field`` with now unless a mail went out within the interval.

    One conditional UPDATE, so two processes pressing "send again" at once send one mail.
    """
    now = timezone.now()
    claimed = User.objects.filter(
        Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": now - MAIL_RESEND_INTERVAL}),
        pk=user.pk,
    ).update(**{field: now})
    if claimed:
        setattr(user, field, now)
    return bool(claimed)


def seconds_until_mail_allowed(user: User, field: str = "verification_sent_at") -> int:
    sent = getattr(user, field)
    if sent is None:
        return 0
    return max(0, int((sent + MAIL_RESEND_INTERVAL - timezone.now()).total_seconds()))


@transaction.atomic
def request_verification_email(user: User, *, site_root) -> bool:
    """Queue another verification e-mail; False when verified already or asked too recently."""
    if user.email_verified or not _claim_mail_slot(user, "verification_sent_at"):
        return False
    tasks.send_verification_email.enqueue(user.pk, site_root)
    return True


@transaction.atomic
def verify_email(user: User, *, actor) -> bool:
    """Mark the address as verified; False when it already was."""
    if user.email_verified:
        return False
    before = _user_snapshot(user)
    user.email_verified = True
    user.save(update_fields=["email_verified"])
    _record_user(user, actor=actor, action=UPDATE, before=before,
                 note="E-mail address verified by following the link.")
    return True


# Passwords ---------------------------------------------------------------------------------

@transaction.atomic
def request_password_reset(email, *, site_root) -> int:
    """Queue a reset link for each active account with this address; how many were queued.

    Says nothing to the caller about whether the address exists: the page must not either.
    """
    queued = 0
    users = User.objects.filter(email=normalise_email(email), is_active=True)
    for user in users:
        if user.has_usable_password() and _claim_mail_slot(user, "password_reset_sent_at"):
            tasks.send_password_reset_email.enqueue(user.pk, site_root)
            queued += 1
    return queued


@transaction.atomic
def set_password(user: User, raw_password, *, actor, via_email_link=False) -> User:
    """Set a new password (validated by the form). A reset link that worked also proves the
    address, so it is marked verified and the failed log-ins against it are forgotten."""
    before = _user_snapshot(user)
    user.set_password(raw_password)
    fields = ["password"]
    if via_email_link:
        user.email_verified = True
        fields.append("email_verified")
        throttle.clear(user.email)
    user.save(update_fields=fields)
    _record_user(user, actor=actor, action=UPDATE, before=before,
                 note="Password reset through an e-mail link." if via_email_link
                 else "Password changed.")
    return user


# Profile ------------------------------------------------------------------------------------

def _check_may_edit(user: User, actor) -> None:
    require(actor, "accounts.manage_own_account", user,
            "Only the person may change their profile.")


@transaction.atomic
def update_profile(user: User, *, actor, **changes) -> User:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not a profile field: {', '.join(sorted(unknown))}")
    _check_may_edit(user, actor)
    before = _user_snapshot(User.objects.get(pk=user.pk))
    for name, value in changes.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    after = _user_snapshot(user)
    changed = [name for name in PROFILE_FIELDS if before.get(name) != after.get(name)]
    if not changed:
        return user
    user.save(update_fields=changed)
    _record_user(user, actor=actor, action=UPDATE, before=before)
    return user


# Organisations ------------------------------------------------------------------------------

def duplicate_organisation_error() -> ValidationError:
    return ValidationError(
        {"name": _("An organisation with this name is already listed. Choose it on your "
                   "profile instead of adding it again.")},
        code="duplicate_organisation",
    )


def _unique_slug(name: str) -> str:
    base = slugify(name)[:190].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base)
                .values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


ORGANISATION_FIELDS = ("name", "slug", "acronym", "sector", "description", "website")


def check_organisation_name(name, *, instance=None) -> None:
    """Refuse a name that another organisation has in any letter case or spacing (forms
    call it in ``clean`` so the refusal lands on the field)."""
    others = Organisation.objects.filter(name_key=organisation_name_key(name))
    if instance is not None and instance.pk:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise duplicate_organisation_error()


def _save_organisation(organisation):
    organisation.full_clean()
    try:
        # Two saves of one name can both pass the check; the unique name key decides.
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        raise duplicate_organisation_error() from None


@transaction.atomic
def create_organisation(*, actor, name, sector, acronym="", description="", website="",
                        slug="") -> Organisation:
    require(actor, "accounts.add_organisation", None, "Log in to add an organisation.")
    name = " ".join(name.split())
    check_organisation_name(name)
    organisation = Organisation(name=name, slug=slug or _unique_slug(name), sector=sector,
                                acronym=acronym.strip(), description=description.strip(),
                                website=website)
    _save_organisation(organisation)
    audit.record(actor=actor, action=CREATE, instance=organisation,
                 after=audit.snapshot(organisation, fields=ORGANISATION_FIELDS),
                 scope=organisation.audit_scope)
    return organisation


@transaction.atomic
def update_organisation(organisation, *, actor, **changes) -> Organisation:
    """Correct an organisation's listing (the admin's door: superusers only)."""
    unknown = set(changes) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"Not an organisation field: {', '.join(sorted(unknown))}")
    require(actor, "accounts.change_organisation_listing", organisation,
            "Only the site's administrators correct an organisation's listing.")
    before = audit.snapshot(organisation, fields=ORGANISATION_FIELDS)
    if "name" in changes:
        changes["name"] = " ".join(changes["name"].split())
        check_organisation_name(changes["name"], instance=organisation)
    for name, value in changes.items():
        setattr(organisation, name, value)
    _save_organisation(organisation)
    after = audit.snapshot(organisation, fields=ORGANISATION_FIELDS)
    if after != before:
        audit.record(actor=actor, action=UPDATE, instance=organisation, before=before,
                     after=after, scope=organisation.audit_scope, note="Changed in the admin.")
    return organisation


# Accounts, as the admin changes them -------------------------------------------------------

# What a superuser corrects in the admin; groups and model permissions are Django's own.
ADMIN_FIELDS = ("email", *PROFILE_FIELDS, "email_verified", "is_active", "is_staff",
                "is_superuser")


def _admin_snapshot(user):
    return audit.snapshot(user, fields=(*AUDITED_USER_FIELDS, "is_staff", "is_superuser"))


def _save_account(user):
    user.full_clean(exclude=["password"], validate_unique=False)
    if email_taken(user.email, exclude=user if user.pk else None):
        raise duplicate_email_error()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # the same address saved twice at once
        raise duplicate_email_error() from None


@transaction.atomic
def create_account(*, actor, email, display_name, password=None) -> User:
    """An account made in the admin; without a password it cannot log in until reset."""
    require(actor, "accounts.administer_accounts", None,
            "Only the site's administrators create accounts for others.")
    user = User(email=normalise_email(email), display_name=display_name)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    _save_account(user)
    audit.record(actor=actor, action=CREATE, instance=user, after=_admin_snapshot(user),
                 personal_fields=PERSONAL_FIELDS, note="Added in the admin.")
    return user


@transaction.atomic
def change_account(user: User, *, actor, **changes) -> User:
    """A superuser's corrections in the admin: the address, the profile, and access (being
    staff opens the admin and nothing more; authority over a plan is a role on it)."""
    unknown = set(changes) - set(ADMIN_FIELDS)
    if unknown:
        raise TypeError(f"Not an account field: {', '.join(sorted(unknown))}")
    require(actor, "accounts.administer_accounts", user,
            "Only the site's administrators change other people's accounts.")
    before = _admin_snapshot(User.objects.get(pk=user.pk))
    if "email" in changes:
        changes["email"] = normalise_email(changes["email"])
    for name, value in changes.items():
        setattr(user, name, value)
    _save_account(user)
    after = _admin_snapshot(user)
    if after != before:
        audit.record(actor=actor, action=UPDATE, instance=user, before=before, after=after,
                     personal_fields=PERSONAL_FIELDS, note="Changed in the admin.")
    return user

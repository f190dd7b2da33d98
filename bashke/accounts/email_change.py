"""Changing a person's e-mail address: the new address gets a link, the change happens
only when it is followed, and the old address is told. Same conventions as services.py."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from bashke.accounts import tasks, throttle
from bashke.accounts.models import User, normalise_email
from bashke.accounts.services import (
    UPDATE,
    _check_may_edit,
    _record_user,
    _user_snapshot,
    duplicate_email_error,
    email_taken,
)


@transaction.atomic
def request_email_change(user: User, *, actor, new_email, site_root) -> None:
    """Remember the new address and send it the link that makes the change; the address in
    use stays until the link is followed (the form has checked the password)."""
    _check_may_edit(user, actor)
    new_email = normalise_email(new_email)
    if new_email == user.email:
        raise ValidationError({"email": _("This is already the address of your account.")},
                              code="same_email")
    if email_taken(new_email, exclude=user):
        raise duplicate_email_error()
    before = _user_snapshot(user)
    user.pending_email = new_email
    user.save(update_fields=["pending_email"])
    _record_user(user, actor=actor, action=UPDATE, before=before,
                 note="Asked to change the e-mail address; a link was sent to the new one.")
    tasks.send_email_change_link.enqueue(user.pk, site_root)


@transaction.atomic
def confirm_email_change(user: User, *, site_root) -> User:
    """The link sent to the new address was followed: that address becomes the account's,
    verified, and the old one is told."""
    user = User.objects.select_for_update().get(pk=user.pk)
    new_email, old_email = user.pending_email, user.email
    if not new_email:
        raise ValidationError(_("There is no change of e-mail address waiting."),
                              code="nothing_pending")
    if email_taken(new_email, exclude=user):
        raise duplicate_email_error()
    before = _user_snapshot(user)
    user.email, user.pending_email, user.email_verified = new_email, "", True
    try:
        # Someone may sign up with the address between the check and the write.
        with transaction.atomic():
            user.save(update_fields=["email", "pending_email", "email_verified"])
    except IntegrityError:
        raise duplicate_email_error() from None
    # Failures typed against the old address are about an address no longer in use.
    throttle.clear(old_email)
    # The actor is the account itself: the link proves its owner reads the new mail box.
    _record_user(user, actor=user, action=UPDATE, before=before,
                 note="E-mail address changed by following the link sent to it.")
    tasks.send_email_changed_notice.enqueue(user.pk, old_email, site_root)
    return user

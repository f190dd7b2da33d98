"""E-mail sent in the background, in the language each person chose.

Tasks take ids and the site's root URL, not rendered messages: the link's token is made
when the mail is sent, and no secret sits in the task queue's table.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from bashke.accounts import tokens
from bashke.accounts.models import User


def _send(user: User, template: str, context: dict, to: str = "") -> None:
    with translation.override(user.preferred_language):
        context = {"user": user, **context}
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
        body = render_to_string(f"accounts/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [to or user.email])


@task()
def send_verification_email(user_id: int, site_root: str) -> None:
    user = User.objects.filter(pk=user_id, is_active=True, email_verified=False).first()
    if user is None:
        return  # verified or deactivated since the mail was queued
    with translation.override(user.preferred_language):
        path = reverse("accounts:verify_email", kwargs={"token": tokens.verification_token(user)})
    _send(user, "verify", {
        "link": site_root + path,
        "days": tokens.VERIFICATION_MAX_AGE.days,
    })


@task()
def send_password_reset_email(user_id: int, site_root: str) -> None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return
    with translation.override(user.preferred_language):
        path = reverse("accounts:password_reset_confirm", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        })
    _send(user, "password_reset", {
        "link": site_root + path,
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    })


@task()
def send_email_change_link(user_id: int, site_root: str) -> None:
    """To the new address: the link that makes the change."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(pending_email="").first()
    if user is None:
        return  # cancelled, done or account deleted since the mail was queued
    with translation.override(user.preferred_language):
        path = reverse("accounts:confirm_email_change",
                       kwargs={"token": tokens.email_change_token(user)})
    _send(user, "email_change", {"link": site_root + path,
                                 "days": tokens.EMAIL_CHANGE_MAX_AGE.days},
          to=user.pending_email)


@task()
def send_email_changed_notice(user_id: int, old_address: str, site_root: str) -> None:
    """To the old address: if the change was not the owner's doing, they hear of it where
    they still read mail."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    _send(user, "email_changed", {"site": site_root, "old_address": old_address,
                                  "new_address": user.email}, to=old_address)

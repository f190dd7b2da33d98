"""Pages for people and organisations. Forms check the input, services write it."""

import copy
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bashke.accounts import email_change, privacy, services, throttle, tokens
from bashke.accounts.forms import (
    DeleteAccountForm,
    EmailChangeForm,
    LoginForm,
    OrganisationForm,
    PasswordChangeForm,
    PasswordResetRequestForm,
    PasswordSetForm,
    ProfileForm,
    SignupForm,
)
from bashke.accounts.models import Organisation, User
from bashke.core import ratelimit
from bashke.core.access import Asks, asks
from bashke.core.context_processors import FOCUS_HEADING
from bashke.core.text import active_content_language
from bashke.core.web import add_service_errors, saved, site_root

# Signing up, verifying, logging in and out, passwords ------------------------------------

# The one backend that knows passwords; named because settings list rules' backend first.
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(Asks, auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # The next page starts the keyboard at its heading, not at the top of the page.
        self.request.session[FOCUS_HEADING] = True
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response


class LogoutView(Asks, auth_views.LogoutView):
    # Django's LogoutView already refuses GET (405): a link or an image in someone else's
    # page cannot log people out.
    pass


@asks("core.view_public")
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in SignupForm.Meta.fields}
        try:
            user = services.sign_up(actor=request.user, password=form.cleaned_data["password1"],
                                    site_root=site_root(request),
                                    preferred_language=active_content_language(), **fields)
        except ValidationError as error:
            add_service_errors(form, error, rename={"password": "password1"})
        else:
            login(request, user, backend=PASSWORD_BACKEND)
            messages.success(request, _(
                "Welcome to Bashkë. We have sent an e-mail to %(email)s: open the link in it "
                "to confirm your address.") % {"email": user.email})
            return redirect("accounts:profile")
    return render(request, "accounts/signup.html", {"form": form})


@asks("core.view_public")
def verify_email(request, token):
    try:
        user = tokens.user_for_verification_token(token)
    except tokens.ExpiredLink:
        return render(request, "accounts/verify_email.html", {"outcome": "expired"}, status=400)
    except tokens.InvalidLink:
        return render(request, "accounts/verify_email.html", {"outcome": "invalid"}, status=400)
    # Whoever is logged in on this browser, the link itself proves its owner read the mail.
    changed = services.verify_email(user, actor=user)
    return render(request, "accounts/verify_email.html",
                  {"outcome": "verified" if changed else "already"})


@require_POST
@asks("accounts.manage_own_account")
def resend_verification(request):
    user = request.user
    if user.email_verified:
        messages.info(request, _("Your e-mail address is already confirmed."))
    elif services.request_verification_email(user, site_root=site_root(request)):
        messages.success(request, _("We have sent the e-mail again to %(email)s.")
                         % {"email": user.email})
    else:
        minutes = throttle.minutes(services.seconds_until_mail_allowed(user))
        messages.warning(request, ngettext(
            "An e-mail was sent a moment ago. Please check your inbox and spam folder, or ask "
            "again in %(minutes)d minute.",
            "An e-mail was sent a moment ago. Please check your inbox and spam folder, or ask "
            "again in %(minutes)d minutes.", minutes) % {"minutes": minutes})
    return redirect("accounts:profile")


class PasswordChangeView(Asks, auth_views.PasswordChangeView):
    permission = "accounts.manage_own_account"
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(Asks, auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(Asks, auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(Asks, auth_views.PasswordResetConfirmView):
    form_class = PasswordSetForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(Asks, auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# Profile ------------------------------------------------------------------------------------

def _wait_minutes(seconds):
    return throttle.minutes(seconds) if seconds else 0


@asks("accounts.manage_own_account")
def profile(request):
    # The form validates a copy: a rejected edit must not linger on request.user, which the
    # rest of the page (and the header) still renders.
    form = ProfileForm(request.POST or None, instance=copy.copy(request.user))
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.update_profile(request.user, actor=request.user, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile has been saved.")
                             if changes else _("Nothing to save: the profile was unchanged."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {
        "form": form,
        "resend_wait_minutes": _wait_minutes(services.seconds_until_mail_allowed(request.user)),
    })


# Organisations ------------------------------------------------------------------------------

# Pages show how many people take part, by sector, never who they are.
PAGE_SIZE = 50


@asks("core.view_public")
def organisation_list(request):
    organisations = Organisation.objects.with_member_count().order_by("name", "id")
    page_obj = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/organisation_list.html", {"page_obj": page_obj})


@asks("core.view_public")
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.with_member_count(), slug=slug)
    return render(request, "accounts/organisation_detail.html", {
        "organisation": organisation,
        "sector_counts": User.objects.sector_counts(organisation),
    })


@asks("accounts.add_organisation")
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    done = saved(request, form, lambda: services.create_organisation(
        actor=request.user, **form.cleaned_data),
        success=_("The organisation has been added. You can now choose it on your profile."),
        then=lambda organisation: organisation)
    return done or render(request, "accounts/organisation_form.html", {"form": form})


# Privacy: change of address, download, deletion ---------------------------------------------

@asks("accounts.manage_own_account")
def change_email(request):
    form = EmailChangeForm(request.POST or None, user=request.user, request=request)
    done = saved(request, form, lambda: email_change.request_email_change(
        request.user, actor=request.user, new_email=form.cleaned_data["email"],
        site_root=site_root(request)),
        success=lambda _result: _(
            "We have sent a link to %(email)s. Your address changes when you open it; until "
            "then, log in with the one you have.") % {"email": form.cleaned_data["email"]},
        then="accounts:profile")
    return done or render(request, "accounts/change_email.html", {"form": form})


@asks("core.view_public")
def confirm_email_change(request, token):
    # GET shows a button and POST makes the change: mail scanners that open every link
    # must not change an address on their own.
    try:
        user = tokens.user_for_email_change_token(token)
    except tokens.ExpiredLink:
        return render(request, "accounts/confirm_email_change.html", {"outcome": "expired"},
                      status=400)
    except tokens.InvalidLink:
        return render(request, "accounts/confirm_email_change.html", {"outcome": "invalid"},
                      status=400)
    if request.method == "POST":
        try:
            email_change.confirm_email_change(user, site_root=site_root(request))
        except ValidationError:
            return render(request, "accounts/confirm_email_change.html", {"outcome": "taken"},
                          status=409)
        return render(request, "accounts/confirm_email_change.html", {"outcome": "changed"})
    return render(request, "accounts/confirm_email_change.html",
                  {"outcome": "ask", "new_email": user.pending_email})


@asks("accounts.manage_own_account")
def download_data(request):
    if request.method == "POST":
        # Each download reads everything about the person: a few an hour is plenty.
        verdict = ratelimit.hit(f"data-download:user:{request.user.pk}",
                                limit=privacy.DOWNLOADS_PER_HOUR, per=timedelta(hours=1))
        if not verdict.allowed:
            minutes = verdict.retry_after_minutes
            messages.warning(request, ngettext(
                "You have downloaded your data several times in the last hour. Please try "
                "again in %(minutes)d minute.",
                "You have downloaded your data several times in the last hour. Please try "
                "again in %(minutes)d minutes.", minutes) % {"minutes": minutes})
            return render(request, "accounts/download_data.html", status=429)
        content = privacy.export_zip(request.user)
        response = HttpResponse(content, content_type="application/zip")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="bashke-my-data-{stamp}.zip"'
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "accounts/download_data.html")


@asks("accounts.manage_own_account")
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.erase_account(request.user, actor=request.user,
                                  password=form.cleaned_data["password"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            logout(request)
            return render(request, "accounts/account_deleted.html")
    return render(request, "accounts/delete_account.html", {"form": form})

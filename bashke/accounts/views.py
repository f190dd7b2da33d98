"""Pages for people and organisations. Forms check the input, services write it."""

import copy

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bashke.accounts import services, throttle, tokens
from bashke.accounts.forms import (
    LoginForm,
    OrganisationForm,
    PasswordChangeForm,
    PasswordResetRequestForm,
    PasswordSetForm,
    ProfileForm,
    SignupForm,
    add_service_errors,
    site_root,
)
from bashke.accounts.models import Organisation, User
from bashke.core.text import active_content_language

# Signing up, verifying, logging in and out, passwords ------------------------------------

# The one backend that knows passwords; named because settings list rules' backend first.
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response


class LogoutView(auth_views.LogoutView):
    # Django's LogoutView already refuses GET (405): a link or an image in someone else's
    # page cannot log people out.
    pass


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
@login_required
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


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = PasswordSetForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# Profile ------------------------------------------------------------------------------------

def _wait_minutes(seconds):
    return throttle.minutes(seconds) if seconds else 0


@login_required
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


def organisation_list(request):
    organisations = Organisation.objects.with_member_count().order_by("name", "id")
    page_obj = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/organisation_list.html", {"page_obj": page_obj})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.with_member_count(), slug=slug)
    return render(request, "accounts/organisation_detail.html", {
        "organisation": organisation,
        "sector_counts": User.objects.sector_counts(organisation),
    })


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation has been added. You can now choose "
                                        "it on your profile."))
            return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form})

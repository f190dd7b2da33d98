"""Forms check what people type; the services in :mod:`bashke.accounts.services` write it."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bashke.accounts import services, throttle
from bashke.accounts.models import Organisation, User, normalise_email, organisation_name_key
from bashke.core.web import Stacked, client_ip, site_root

HELP = {
    "email": _("We send a link to this address to check that it is yours. It is never "
               "shown to other people."),
    "display_name": _("Shown next to what you write on Bashkë, for example your full name."),
    "organisation": _("Leave empty if you take part as an individual. If your organisation "
                      "is not listed, you can add it once you have signed up."),
    "sector": _("The part of society you speak for here."),
    "gender": _("Optional. Used only to count how many women and men take part; it is "
                "never shown next to your name or to anyone else."),
    "preferred_language": _("The language of the e-mails Bashkë sends you."),
}


class PersonFieldsMixin:
    def setup_person_fields(self):
        for name, text in HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text
        if "organisation" in self.fields:
            field = self.fields["organisation"]
            field.queryset = Organisation.objects.order_by("name")
            field.empty_label = _("None: I take part as an individual")
        if "display_name" in self.fields:
            self.fields["display_name"].label = _("Your name")
            self.fields["display_name"].widget.attrs["autocomplete"] = "name"


# Log in ---------------------------------------------------------------------------------------

class LoginForm(Stacked, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("This e-mail address and password do not match an account. "
                           "Check both, or ask for a new password."),
    }

    throttled = False

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not (email and password):
            return super().clean()
        ip = client_ip(self.request)
        wait = throttle.seconds_until_allowed(email, ip)
        if wait:
            # Refused before the password is looked at, so guessing on gains nothing.
            self.throttled = True
            minutes = throttle.minutes(wait)
            raise ValidationError(
                ngettext("Too many failed attempts to log in with this address from this "
                         "connection. Please try again in %(minutes)d minute, or ask for a "
                         "new password.",
                         "Too many failed attempts to log in with this address from this "
                         "connection. Please try again in %(minutes)d minutes, or ask for a "
                         "new password.", minutes)
                % {"minutes": minutes},
                code="throttled",
            )
        self.cleaned_data["username"] = normalise_email(email)
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                throttle.record_failure(email, ip)
            raise
        throttle.clear_pair(email, ip)
        return cleaned


# Sign up --------------------------------------------------------------------------------------

class SignupForm(Stacked, PersonFieldsMixin, auth_forms.BaseUserCreationForm):
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1=_("Password"), label2=_("Password again"))

    class Meta:
        model = User
        fields = ("email", "display_name", "organisation", "sector", "gender")
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    field_order = ["email", "display_name", "password1", "password2", "organisation",
                   "sector", "gender"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_person_fields()
        self.fields["password2"].help_text = _("Type the same password again, to be sure "
                                               "of it.")

    def _post_clean(self):
        # Django reports a weak password on the confirmation field; ours goes on the field
        # where the password was chosen, beside the rules it breaks.
        forms.ModelForm._post_clean(self)
        self.validate_password_for_user(self.instance, "password1")

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise services.duplicate_email_error().error_dict["email"][0]
        return email


# Profile --------------------------------------------------------------------------------------

class ProfileForm(Stacked, PersonFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = services.PROFILE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_person_fields()
        self.fields["organisation"].help_text = _(
            "Leave empty if you take part as an individual. If your organisation is not "
            "listed, add it first with the link below this form.")


# Passwords ------------------------------------------------------------------------------------

class PasswordResetRequestForm(Stacked, auth_forms.PasswordResetForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email",
                                                            "autofocus": True}))

    def save(self, *, request=None, **_ignored):
        # Django's version renders and sends in the request; ours queues the mail, rendered
        # by the worker in the person's language.
        services.request_password_reset(self.cleaned_data["email"], site_root=site_root(request))


class NewPasswordErrorsOnFirstField:
    """As on the sign-up form: a weak password is reported where it was typed first."""

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self)


class PasswordChangeForm(Stacked, NewPasswordErrorsOnFirstField, auth_forms.PasswordChangeForm):
    def save(self, commit=True):
        return services.set_password(self.user, self.cleaned_data["new_password1"],
                                     actor=self.user)


class PasswordSetForm(Stacked, NewPasswordErrorsOnFirstField, auth_forms.SetPasswordForm):
    def save(self, commit=True):
        return services.set_password(self.user, self.cleaned_data["new_password1"],
                                     actor=self.user, via_email_link=True)


# Organisations --------------------------------------------------------------------------------

class OrganisationForm(Stacked, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, max_length=200,
                             assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ("name", "acronym", "sector", "description", "website")
        help_texts = {
            "name": _("The full name, as the organisation writes it."),
            "acronym": _("Optional, for example AKSHI."),
            "description": _("Optional. What the organisation does, in a few sentences."),
            "website": _("Optional. The full address, starting with https://"),
        }

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Organisation.objects.filter(name_key=organisation_name_key(name)).exists():
            raise services.duplicate_organisation_error().error_dict["name"][0]
        return name


# Privacy: e-mail address, data, deletion -------------------------------------------------------

class CurrentPasswordMixin:
    """Asks for the password the person logs in with, so that a browser left open is not
    enough to take over or delete the account."""

    def add_password_field(self):
        self.fields["password"] = forms.CharField(
            label=_("Your password"), strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
            help_text=_("The password you log in with, to confirm that it is you."))

    def clean_password(self):
        # Counted with the log-in throttle: an unattended open browser must not become a
        # way to guess the password without limit.
        password = self.cleaned_data["password"]
        ip = client_ip(self.request)
        wait = throttle.seconds_until_allowed(self.user.email, ip)
        if wait:
            minutes = throttle.minutes(wait)
            raise ValidationError(
                ngettext("Too many wrong passwords. Please try again in %(minutes)d minute.",
                         "Too many wrong passwords. Please try again in %(minutes)d minutes.",
                         minutes) % {"minutes": minutes}, code="throttled")
        if not self.user.check_password(password):
            throttle.record_failure(self.user.email, ip)
            raise ValidationError(_("The password is not right. Type the password you log "
                                    "in with."), code="wrong_password")
        return password


class EmailChangeForm(Stacked, CurrentPasswordMixin, forms.Form):
    email = forms.EmailField(
        label=_("New e-mail address"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address. Your address changes only when you "
                    "open it; until then you keep logging in with the one you have."))

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)
        self.add_password_field()

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if email == self.user.email:
            raise ValidationError(_("This is already the address of your account."),
                                  code="same_email")
        if services.email_taken(email, exclude=self.user):
            raise services.duplicate_email_error().error_dict["email"][0]
        return email


class DeleteAccountForm(Stacked, CurrentPasswordMixin, forms.Form):
    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)
        self.add_password_field()

"""Django's own messages that our pages show, listed so that `make messages` copies them
into the project's catalogue, where our Albanian replaces Django's (LOCALE_PATHS comes
before Django's own catalogues).

Django's Albanian is written in another voice ("Kjo fushë është e domosdoshme",
"s'mund të jetë") and leaves some messages untranslated (the short-password error), so the
sign-up page and every form would mix two styles. Nothing imports this module: it exists
for makemessages only. The msgids must match Django's exactly (curly apostrophes
included); tests/test_glossary.py checks that each one is still a Django message.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

PASSWORD_VALIDATORS = [
    ngettext_lazy("This password is too short. It must contain at least %d character.",
                  "This password is too short. It must contain at least %d characters.", "n"),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters.",
                  "min_length"),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The two password fields didn’t match."),
]

FORM_FIELDS = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy("Ensure this value has at most %(limit_value)d character (it has "
                  "%(show_value)d).",
                  "Ensure this value has at most %(limit_value)d characters (it has "
                  "%(show_value)d).", "limit_value"),
    ngettext_lazy("Ensure this value has at least %(limit_value)d character (it has "
                  "%(show_value)d).",
                  "Ensure this value has at least %(limit_value)d characters (it has "
                  "%(show_value)d).", "limit_value"),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
]

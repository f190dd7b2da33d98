"""Forms of the deliberation: they check the shape of the input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.consultation.markup import MAX_LENGTH
from bashke.consultation.models import FlagReason, Vote
from bashke.consultation.models.deliberation import REASON_MAX_LENGTH
from bashke.consultation.models.ideas import LANGUAGES
from bashke.consultation.models.statements import STATEMENT_MAX_LENGTH

MARKUP_HELP = _("You can write **bold**, *italic*, lists (lines starting with “- ”) and "
                "links: [text](https://…). Nothing else is formatted.")


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_LENGTH, help_text=MARKUP_HELP,
        error_messages={"max_length": _("A comment can be at most %(limit_value)d "
                                        "characters long; this one has %(show_value)d.")})
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGES, initial="sq")
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, prefix_id="", **kwargs):
        super().__init__(*args, **kwargs)
        if prefix_id:
            # Several comment forms share a page (one per reply): ids must stay unique.
            self.auto_id = f"id_{prefix_id}_%s"


class CommentEditForm(forms.Form):
    body = CommentForm.base_fields["body"]


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=FlagReason.choices,
                               widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Details"), required=False, max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, unless you chose “Something else”. Only the moderators read "
                    "it."))


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason"), max_length=REASON_MAX_LENGTH,
        help_text=_("Shown in place of the content: “Hidden by the moderators: …”."))


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Statement"), max_length=STATEMENT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("One short sentence people can agree or disagree "
                                       "with, at most 280 characters."))
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGES, initial="sq")
    component = forms.TypedChoiceField(label=_("Component"), required=False, coerce=int,
                                       empty_value=None)

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.components = {c.pk: c for c in components}
        self.fields["component"].choices = [("", _("The whole plan"))] + [
            (c.pk, c.title) for c in components]

    def clean_component(self):
        pk = self.cleaned_data.get("component")
        return self.components.get(pk) if pk else None


class VoteForm(forms.Form):
    choice = forms.TypedChoiceField(choices=Vote.Choice.choices, coerce=int)


class NotificationSettingsForm(forms.Form):
    instant = forms.BooleanField(
        label=_("An e-mail each time someone comments on an idea I follow, or its status "
                "changes"), required=False)
    daily_digest = forms.BooleanField(
        label=_("One e-mail a day summarising what happened the day before"), required=False)

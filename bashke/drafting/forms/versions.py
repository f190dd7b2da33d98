"""Forms of the versions' pages. They check the shape of what is typed; the services decide
everything else (the window within a consultation stage, the upload, who may)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import ForumDecision
from bashke.core.text import format_day
from bashke.core.web import Stacked
from bashke.drafting.services.versions import COMMENT_MAX, NOTE_MAX, REASON_MAX

LANGUAGES = [("sq", _("Albanian")), ("en", _("English"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class FreezeForm(Stacked, forms.Form):
    note = forms.CharField(label=_("What changed since the last version"), required=False,
                           max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Optional; shown with the version."))


class PublishForm(Stacked, forms.Form):
    opens = forms.DateField(label=_("First day of comments"), widget=DateInput())
    closes = forms.DateField(label=_("Last day of comments"), widget=DateInput(),
                             help_text=_("Both days within one of the plan's consultation "
                                         "stages."))

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", _("The last day comes before the first."))
        return data


class CommentForm(Stacked, forms.Form):
    row = forms.ChoiceField(label=_("Measure or activity"))
    body = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX,
                           widget=forms.Textarea(attrs={"rows": 5}))
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGES)

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["row"].choices = [("", _("Choose…")), *rows]


class HideForm(Stacked, forms.Form):
    reason = forms.CharField(label=_("Reason, shown in place of the comment"),
                             max_length=REASON_MAX)


class EndorsementForm(Stacked, forms.Form):
    endorsement = forms.ModelChoiceField(label=_("The forum's decision"),
                                         queryset=ForumDecision.objects.none(),
                                         empty_label=_("Choose…"))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["endorsement"]
        field.queryset = ForumDecision.objects.filter(
            plan=plan, kind=ForumDecision.Kind.ENDORSEMENT).order_by("-decided_on", "-id")
        field.label_from_instance = lambda d: f"{format_day(d.decided_on)} — {d.title}"


class ApproveForm(Stacked, forms.Form):
    body = forms.CharField(label=_("Approved by"), max_length=250,
                           initial=_("Integrated Policy Management Group (GMIP)"))
    approved_on = forms.DateField(label=_("Date of the decision"), widget=DateInput())
    decision_reference = forms.CharField(label=_("Decision number"), max_length=100,
                                         required=False)
    decision_document = forms.FileField(label=_("Decision document"),
                                        help_text=_("PDF, Word (.docx) or OpenDocument "
                                                    "(.odt), at most 10 MB."))


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    b = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, _("Version %(number)s") % {"number": n}) for n in numbers]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("a") is not None and data.get("a") == data.get("b"):
            self.add_error("b", _("Choose two different versions."))
        return data

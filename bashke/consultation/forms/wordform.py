"""The confirmation of a Word form: the online idea form's own fields, filled in with what
was read from the file, so the person corrects anything before it becomes an idea."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.consultation.forms.ideas import IdeaForm, RecordedIdeaForm
from bashke.consultation.models.ideas import ANSWER_FIELDS, OGP_VALUES
from bashke.consultation.wordform.match import organisation_matches


class WordIdeaForm(IdeaForm):
    """A person confirms the form they filled in themselves."""


class RecordedWordIdeaForm(RecordedIdeaForm):
    """Staff confirm a form received by e-mail: the channel is the Word form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("channel", None)
        self.fields["submitter_name"].help_text = _(
            "As written in the form; shown with the idea only if the person consented.")


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Your filled form (.docx)"), help_text=_(
        "The idea form in Word, filled in. At most 10 MB."))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is checked on its own later, so that one bad file is listed with
    its reason instead of refusing the whole batch."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class BatchUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Filled forms received by e-mail (.docx)"),
        help_text=_("Choose several files at once. Each is read separately; a file that "
                    "cannot be read is listed with the reason and the others go on."))


def form_class(pending):
    return RecordedWordIdeaForm if pending.batch else WordIdeaForm


def initial_from(pending, user) -> dict:
    """The confirmation form's initial values from what was read."""
    answers = pending.parsed.get("answers", {})
    matched = pending.parsed.get("matched", {})
    initial = {key: answers.get(key) or "" for key in ["title", *ANSWER_FIELDS]}
    for prefix, _label in OGP_VALUES:
        value = answers.get(f"improves_{prefix}")
        initial[f"improves_{prefix}"] = {True: "yes", False: "no"}.get(value, "")
        initial[f"{prefix}_explanation"] = answers.get(f"{prefix}_explanation") or ""
    initial.update({
        "language": answers.get("language") or "sq",
        "goal": matched.get("goal"),
        "component": matched.get("component"),
        "agencies": matched.get("agencies") or [],
        "other_agencies": matched.get("other_agencies") or "",
        "publish_name": bool(answers.get("publish_name")),
    })
    organisation = answers.get("organisation") or ""
    if pending.batch:
        name = answers.get("submitter_name") or ""
        both = f"{name} ({organisation})" if name and organisation else name or organisation
        initial["submitter_name"] = both[:200]
        initial["on_behalf"] = "person"
    else:
        initial["on_behalf"] = ("organisation" if organisation_matches(
            organisation, getattr(user, "organisation", None)) else "person")
    return initial

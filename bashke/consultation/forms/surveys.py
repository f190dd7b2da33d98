"""The forms that build a survey. Answers are not a Django form: each question's inputs
are read by :func:`read_answers`, so the page can use plain fieldsets, radio groups and a
<select> per ranked option."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import QuestionKind, Survey
from bashke.consultation.models.surveys import CHOICE_KINDS
from bashke.consultation.services.surveys import SURVEY_FIELDS
from bashke.plans.models import Component

NEW_OPTION_ROWS = 4
MOMENT_FORMAT = "%Y-%m-%dT%H:%M"


class MomentInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=MOMENT_FORMAT, **kwargs)


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = SURVEY_FIELDS
        widgets = {"opens_at": MomentInput(), "closes_at": MomentInput(),
                   "intro_sq": forms.Textarea(attrs={"rows": 4}),
                   "intro_en": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, plan, components, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["component"].queryset = Component.objects.filter(
            pk__in=[c.pk for c in components]).order_by("goal__number", "position", "id")
        self.fields["component"].label_from_instance = lambda c: c.title
        self.fields["component"].empty_label = _("The whole plan")
        zone = _("Date and time, in the %(zone)s time zone.") % {
            "zone": timezone.get_current_timezone_name()}
        self.fields["opens_at"].help_text = self.fields["closes_at"].help_text = zone

    def _post_clean(self):
        # The service checks the survey as a whole (titles, dates, component) and reports
        # on the fields; the model's own checks would say the same things less clearly.
        pass

    def values(self):
        return {name: self.cleaned_data[name] for name in SURVEY_FIELDS}


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text_sq = forms.CharField(label=_("Question (Albanian)"), max_length=500, required=False)
    text_en = forms.CharField(label=_("Question (English)"), max_length=500, required=False)
    help_sq = forms.CharField(label=_("Guidance (Albanian)"), max_length=500, required=False)
    help_en = forms.CharField(label=_("Guidance (English)"), max_length=500, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False,
                                  initial=True)
    position = forms.IntegerField(label=_("Position in the survey"), min_value=1,
                                  max_value=999, required=False,
                                  help_text=_("Leave empty to put a new question last."))
    min_choices = forms.IntegerField(
        label=_("Multiple choice: at least this many choices"), min_value=1, max_value=30,
        required=False)
    max_choices = forms.IntegerField(
        label=_("Multiple choice: at most this many choices"), min_value=1, max_value=30,
        required=False)
    low_label_sq = forms.CharField(label=_("Scale: what 1 means (Albanian)"), max_length=100,
                                   required=False)
    low_label_en = forms.CharField(label=_("Scale: what 1 means (English)"), max_length=100,
                                   required=False)
    high_label_sq = forms.CharField(label=_("Scale: what 5 means (Albanian)"), max_length=100,
                                    required=False)
    high_label_en = forms.CharField(label=_("Scale: what 5 means (English)"), max_length=100,
                                    required=False)

    def __init__(self, *args, question=None, locked=False, **kwargs):
        self.question, self.locked = question, locked
        self.extra_errors = {"options": []}
        self.existing = list(question.options.all()) if question else []
        super().__init__(*args, **kwargs)
        if locked:
            for name in ("kind", "required", "min_choices", "max_choices"):
                self.fields[name].disabled = True
        for option in self.existing:
            self._option_fields(f"option-{option.pk}", option.label_sq, option.label_en,
                                removable=not locked)
        if not locked:
            for row in range(1, NEW_OPTION_ROWS + 1):
                self._option_fields(f"new-{row}", "", "", removable=False)

    def _option_fields(self, prefix, sq, en, *, removable):
        self.fields[f"{prefix}-sq"] = forms.CharField(
            label=_("Albanian"), max_length=300, required=False, initial=sq)
        self.fields[f"{prefix}-en"] = forms.CharField(
            label=_("English"), max_length=300, required=False, initial=en)
        if removable:
            self.fields[f"{prefix}-remove"] = forms.BooleanField(label=_("Remove"),
                                                                 required=False)

    def option_rows(self):
        """(bound Albanian field, English field, remove field or None) per row."""
        prefixes = [f"option-{o.pk}" for o in self.existing]
        if not self.locked:
            prefixes += [f"new-{row}" for row in range(1, NEW_OPTION_ROWS + 1)]
        return [(self[f"{p}-sq"], self[f"{p}-en"],
                 self[f"{p}-remove"] if f"{p}-remove" in self.fields else None)
                for p in prefixes]

    def values(self):
        data = self.cleaned_data
        fields = {name: data[name] for name in (
            "kind", "text_sq", "text_en", "help_sq", "help_en", "required", "min_choices",
            "max_choices", "low_label_sq", "low_label_en", "high_label_sq", "high_label_en")}
        if data.get("position"):
            fields["position"] = data["position"]
        return fields

    def options(self):
        """[(option id or None, label_sq, label_en)] in order, removed ones left out."""
        data = self.cleaned_data
        if data.get("kind") not in CHOICE_KINDS:
            return []
        rows = [(o.pk, data[f"option-{o.pk}-sq"], data[f"option-{o.pk}-en"])
                for o in self.existing if not data.get(f"option-{o.pk}-remove")]
        if not self.locked:
            rows += [(None, data[f"new-{n}-sq"], data[f"new-{n}-en"])
                     for n in range(1, NEW_OPTION_ROWS + 1)]
        return rows


def read_answers(questions, post) -> dict:
    """What the form sent for each question, in the shape the service checks."""
    answers = {}
    for question in questions:
        name = question.field_name
        if question.kind == QuestionKind.MULTIPLE:
            answers[question.pk] = post.getlist(name)
        elif question.kind == QuestionKind.RANKING:
            answers[question.pk] = {option.pk: post.get(f"{name}-rank-{option.pk}", "")
                                    for option in question.options.all()}
        else:
            values = post.getlist(name)
            answers[question.pk] = values if len(values) > 1 else (values[0] if values else "")
    return answers

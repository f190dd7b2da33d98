"""Forms for drafting the table. Each edit form carries the item's ``version`` as the person
saw it; the services compare it with the saved one. Amounts, dates and the plan's period are
checked by the services (one set of rules for the pages and the API), and their messages land
on these forms' fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Idea
from bashke.core.text import format_day, format_moment
from bashke.core.web import Stacked
from bashke.drafting.amounts import format_amount, parse_amount
from bashke.drafting.models import Activity, Measure, Objective
from bashke.drafting.services.table import held_meetings
from bashke.plans.models import Institution

TEXTAREA = {"rows": 3}


class AmountInput(forms.TextInput):
    input_type = "text"

    def format_value(self, value):
        if value in (None, ""):
            return ""
        if isinstance(value, str):
            return value  # what the person typed, kept as typed
        return format_amount(value).replace("\u00a0", "")


class AmountField(forms.Field):
    """Thousand lek, typed with a decimal comma or point. Whether the amount is acceptable
    (sign, decimals, size) is the service's rule, so the API is held to the same."""

    widget = AmountInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        try:
            return parse_amount(value)
        except ValueError:
            raise ValidationError(_("Give a number, e.g. 1250,50."), code="invalid") from None


def _institutions():
    return Institution.objects.order_by("name_en")


class VersionedForm(Stacked, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def changes(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields
                if name in self.cleaned_data}

    def _post_clean(self):
        # The services validate and save; the model is not to be touched before they run.
        pass


class ObjectiveForm(VersionedForm):
    class Meta:
        model = Objective
        fields = ["title_sq", "title_en", "description_sq", "description_en"]
        widgets = {"description_sq": forms.Textarea(attrs=TEXTAREA),
                   "description_en": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"title_sq": _("Give the title in at least one language; both is best.")}


class MeasureForm(VersionedForm):
    class Meta:
        model = Measure
        fields = ["title_sq", "title_en", "ogp_id", "lead_institution", "problem_sq",
                  "problem_en", "status_quo_sq", "status_quo_en", "description_sq",
                  "description_en", "how_it_helps_sq", "how_it_helps_en", "transparency_sq",
                  "transparency_en", "participation_sq", "participation_en",
                  "accountability_sq", "accountability_en", "technology_sq", "technology_en",
                  "other_government_actors", "civil_society_actors", "private_sector_actors",
                  "additional_information_sq", "additional_information_en",
                  "evidence_meeting"]
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in (
            "problem_sq", "problem_en", "status_quo_sq", "status_quo_en", "description_sq",
            "description_en", "how_it_helps_sq", "how_it_helps_en", "transparency_sq",
            "transparency_en", "participation_sq", "participation_en", "accountability_sq",
            "accountability_en", "technology_sq", "technology_en", "other_government_actors",
            "civil_society_actors", "private_sector_actors", "additional_information_sq",
            "additional_information_en")}
        help_texts = {
            "title_sq": _("Give the title in at least one language; both is best."),
            "ogp_id": _("Once OGP has published the commitment, e.g. AL0065."),
            "transparency_sq": _("Leave a value empty when the measure is not relevant to it."),
            "evidence_meeting": _("The consultation meeting that selected this measure among "
                                  "the priorities, if one did."),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_institution"].queryset = _institutions()
        meeting = self.fields["evidence_meeting"]
        meeting.queryset = held_meetings(plan)
        meeting.label_from_instance = lambda m: f"{m.title} ({format_moment(m.starts_at)})"


class ActivityForm(VersionedForm):
    cost = AmountField(label=_("Indicative cost (thousand lek)"),
                       help_text=_("For the plan period, in thousand lek, e.g. 1250,50."))
    state_budget = AmountField(label=_("State budget (thousand lek)"))
    foreign_financing = AmountField(label=_("Foreign financing (thousand lek)"),
                                    help_text=_("The financing gap is worked out: cost minus "
                                                "state budget minus foreign financing."))

    class Meta:
        model = Activity
        fields = ["title_sq", "title_en", "responsible", "other_responsible", "start", "end",
                  "cost", "state_budget", "foreign_financing", "indicator_sq", "indicator_en",
                  "target_sq", "target_en"]
        widgets = {
            "title_sq": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "other_responsible": forms.SelectMultiple(attrs={"size": 6}),
            **{name: forms.Textarea(attrs=TEXTAREA) for name in (
                "indicator_sq", "indicator_en", "target_sq", "target_en")},
        }
        help_texts = {
            "title_sq": _("Start with what will be done, e.g. “Ngritja e…”."),
            "indicator_sq": _("What is measured, e.g. “Number of centres opened”."),
            "target_sq": _("What will be delivered, e.g. “4 centres open to the public”."),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _institutions()
        self.fields["other_responsible"].queryset = _institutions()
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]
        self.fields["start"].help_text = _("Within the plan's period, %(start)s – %(end)s.") % {
            "start": format_day(plan.start), "end": format_day(plan.end)}

    def changes(self):
        changes = super().changes()
        changes["other_responsible"] = list(changes.get("other_responsible") or [])
        return changes


class VersionOnlyForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MoveForm(forms.Form):
    """Up or down among its siblings, or (``to``) to the end of another parent."""

    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))],
                                  required=False)
    to = forms.IntegerField(required=False, min_value=1, label=_("Move to"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("direction") and not cleaned.get("to"):
            raise ValidationError(_("Say where to move it."))
        return cleaned


class SourceIdeasForm(Stacked, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    ideas = forms.ModelMultipleChoiceField(
        queryset=Idea.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Ideas it came from"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        # Any idea may be posted; the service refuses those of another plan by name.
        self.fields["ideas"].queryset = Idea.objects.all()
        self.fields["ideas"].choices = [(idea.pk, idea.title) for idea in choices]

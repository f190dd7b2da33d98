"""Forms for the criteria sheet: the scale and margin, one criterion, and choosing
assessors. The services in :mod:`bashke.assessment.services.criteria` and ``scoring``
decide what is accepted; these only read what was typed."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import CriteriaSheet, Criterion
from bashke.core.web import Stacked
from bashke.plans.models import Component


class SheetForm(Stacked, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = CriteriaSheet
        fields = ["scale_min", "scale_max", "disagreement_margin"]
        help_texts = {
            "scale_min": _("The seed's scale runs from 0 to 3."),
            "disagreement_margin": _("Assessors disagree on an idea when their combined "
                                     "scores lie further apart than this."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version


class CriterionForm(Stacked, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Criterion
        fields = ["title_sq", "title_en", "group_sq", "group_en", "guidance_sq",
                  "guidance_en", "weight"]
        widgets = {"guidance_sq": forms.Textarea(attrs={"rows": 4}),
                   "guidance_en": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title_sq": _("Give the title in at least one language; both is best."),
            "group_sq": _("The wider criterion it belongs to, e.g. “Verifiability”; leave "
                          "empty for a criterion of its own."),
            "weight": _("How much it counts in the combined score: 1 as much as the others, "
                        "2 twice as much, 0 asked and explained but not counted."),
        }

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_sq", "title_en", "group_sq", "group_en"):
            self.fields[name].required = False
        self.fields["version"].initial = sheet.version

    def clean(self):
        data = super().clean()
        if not ((data.get("title_sq") or "").strip() or (data.get("title_en") or "").strip()):
            self.add_error("title_en", _("Give the criterion a title, in either language or "
                                         "both."))
        return data

    def changes(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AssessorForm(Stacked, forms.Form):
    person = forms.ModelChoiceField(
        label=_("Forum member or assessor"), queryset=get_user_model().objects.none(),
        required=False, empty_label=_("— choose —"),
        help_text=_("The forum's members who have an account, and the present assessors."))
    email = forms.EmailField(
        label=_("Or someone else's e-mail address"), required=False,
        help_text=_("The address of their account on Bashkë."))
    component = forms.ModelChoiceField(
        label=_("Component"), queryset=Component.objects.none(), required=False,
        empty_label=_("All components"),
        help_text=_("The ideas of which component they assess."))

    def __init__(self, *args, plan, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = candidates
        self.fields["person"].label_from_instance = lambda user: user.display_name
        self.fields["component"].queryset = Component.objects.filter(
            goal__plan=plan).select_related("goal").order_by("goal__number", "position", "id")

    def clean(self):
        data = super().clean()
        person, email = data.get("person"), (data.get("email") or "").strip()
        if person and email:
            raise forms.ValidationError(_("Choose a person or type an address, not both."))
        if not person and not email:
            if not self.errors:
                raise forms.ValidationError(_("Choose a person, or type the e-mail address "
                                              "of their account."))
            return data
        if email:
            found = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if found is None:
                self.add_error("email", _("No account has this address. Ask the person to "
                                          "sign up first."))
            data["person"] = found
        return data

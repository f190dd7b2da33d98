"""The scoring form: per criterion, the seed's three columns (does the idea meet it, a
score, the evidence), built from the plan's criteria sheet; and the offline sheet's upload.
What is accepted is the service's decision (``services.scoring.check_scores``), so the
form, the API and the offline sheet refuse the same things in the same words."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import Meets
from bashke.assessment.services.ranking import Filters
from bashke.assessment.services.scoring import EVIDENCE_MAX, field_name
from bashke.core.uploads import MB


class ScoringForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, sheet, criteria, assessment=None, **kwargs):
        initial = kwargs.pop("initial", None) or {}
        if assessment is not None:
            initial["version"] = assessment.version
            for score in assessment.scores.all():
                code = score.criterion.code
                initial[field_name(code, "meets")] = score.meets
                initial[field_name(code, "score")] = score.score
                initial[field_name(code, "evidence")] = score.evidence
        else:
            initial.setdefault("version", 0)
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = criteria
        scale = _("Score (%(low)s–%(high)s)") % {"low": sheet.scale_min, "high": sheet.scale_max}
        for criterion in criteria:
            code = criterion.code
            self.fields[field_name(code, "meets")] = forms.ChoiceField(
                label=_("Does it meet the criterion?"), required=False,
                choices=Meets.choices, widget=forms.RadioSelect)
            # Range errors are the service's, worded with the scale; the browser's
            # min/max only helps the keyboard.
            self.fields[field_name(code, "score")] = forms.CharField(
                label=scale, required=False, max_length=6,
                widget=forms.NumberInput(attrs={"min": sheet.scale_min,
                                                "max": sheet.scale_max, "step": 1}))
            self.fields[field_name(code, "evidence")] = forms.CharField(
                label=_("Evidence, examples or explanation"), required=False,
                max_length=EVIDENCE_MAX, widget=forms.Textarea(attrs={"rows": 3}))

    def rows(self):
        """(criterion, meets, score, evidence) bound fields, in the sheet's order."""
        return [(criterion, self[field_name(criterion.code, "meets")],
                 self[field_name(criterion.code, "score")],
                 self[field_name(criterion.code, "evidence")]) for criterion in self.criteria]

    def scores(self) -> dict:
        data = self.cleaned_data
        return {criterion.code: {part: data.get(field_name(criterion.code, part))
                                 for part in ("meets", "score", "evidence")}
                for criterion in self.criteria}


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Your filled sheet (.xlsx)"),
                           help_text=_("The file you downloaded here, at most 5 MB."))

    max_bytes = 5 * MB


class RankingFilterForm(forms.Form):
    """The ranking's filters, read from the query string; a bad value is shown as an error
    and the filter left out."""

    component = forms.ChoiceField(label=_("Component"), required=False)
    criterion = forms.ChoiceField(label=_("Rank by"), required=False)
    min_score = forms.DecimalField(label=_("Lowest score shown"), required=False,
                                   min_value=0, max_digits=6, decimal_places=2,
                                   localize=True)
    disagreement = forms.BooleanField(label=_("Only ideas on which the assessors disagree"),
                                      required=False)

    def __init__(self, *args, components, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.components = {component.slug: component for component in components}
        self.criteria = {criterion.code: criterion for criterion in criteria}
        self.fields["component"].choices = [("", _("All components"))] + [
            (component.slug, component.title) for component in components]
        self.fields["criterion"].choices = [("", _("Combined score"))] + [
            (criterion.code, criterion.title) for criterion in criteria if criterion.weight]

    def filters(self):
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(component=self.components.get(data["component"]),
                       min_score=data["min_score"],
                       criterion=self.criteria.get(data["criterion"]),
                       disagreement=data["disagreement"])

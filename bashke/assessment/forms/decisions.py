"""The form that decides on an idea and writes its reasoned response; the queue's filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import DecisionKind
from bashke.core.web import Stacked


class DecisionForm(Stacked, forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices,
                             widget=forms.RadioSelect)
    merged_into = forms.TypedChoiceField(
        label=_("Merged into"), required=False, coerce=int, empty_value=None,
        help_text=_("Only for “merged into another idea”: the idea that carries this one on."))
    response_sq = forms.CharField(
        label=_("Reasoned response (Albanian)"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required for every decision but “included”: say why. Write it in "
                    "Albanian, English or both; it is published on the idea's page."))
    response_en = forms.CharField(label=_("Reasoned response (English)"), required=False,
                                  max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, candidates, **kwargs):
        """``candidates``: the ideas this one may be merged into, already read."""
        super().__init__(*args, **kwargs)
        self.candidates = {idea.pk: idea for idea in candidates}
        self.fields["merged_into"].choices = [("", _("—"))] + [
            (idea.pk, f"#{idea.pk} {idea.title}") for idea in candidates]

    def merged_idea(self):
        return self.candidates.get(self.cleaned_data.get("merged_into"))


class QueueFilter(forms.Form):
    component = forms.TypedChoiceField(label=_("Component"), required=False, coerce=int,
                                       empty_value=None)

    def __init__(self, *args, components, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].choices = [("", _("All"))] + [
            (component.pk, component.title) for component in components]

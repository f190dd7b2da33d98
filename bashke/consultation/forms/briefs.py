"""Forms for briefs, their documents and the examples library. They check what people
type; :mod:`bashke.consultation.services.briefs` writes it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Brief, Example, ExampleTheme
from bashke.core.text import active_content_language
from bashke.core.web import Stacked
from bashke.plans import rules as plan_rules
from bashke.plans.models import Component


class BriefForm(Stacked, forms.ModelForm):
    class Meta:
        model = Brief
        fields = ("kind", "component", "title_sq", "title_en", "body_sq", "body_en", "order",
                  "published")
        widgets = {"body_sq": forms.Textarea(attrs={"rows": 12}),
                   "body_en": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "body_sq": _("Paragraphs, **bold**, *italic*, lists and links are kept; anything "
                         "else shows as typed."),
            "body_en": _("Paragraphs, **bold**, *italic*, lists and links are kept; anything "
                         "else shows as typed."),
            "published": _("Unpublished briefs are seen only by the people who manage them."),
        }

    def __init__(self, *args, plan, runs, **kwargs):
        # ``runs``: plans.rules.components_run_by(person, plan), ALL or a set of ids.
        super().__init__(*args, **kwargs)
        components = Component.objects.filter(goal__plan=plan).select_related("goal").order_by(
            "goal__number", "position", "id")
        field = self.fields["component"]
        if runs is plan_rules.ALL:
            field.empty_label = _("The whole plan")
        else:
            # A component leader writes for their own component, never for the whole plan.
            components = components.filter(pk__in=runs)
            field.required = True
            field.empty_label = None
        field.queryset = components
        field.label_from_instance = lambda c: f"{c.goal.numeral}. {c.title}"


class DocumentForm(Stacked, forms.Form):
    file = forms.FileField(
        label=_("Document"), allow_empty_file=True,
        help_text=_("PDF, Word (.docx), Excel (.xlsx) or OpenDocument text (.odt)."),
        widget=forms.ClearableFileInput(attrs={
            "accept": ".pdf,.docx,.xlsx,.odt,application/pdf,"
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                      "application/vnd.oasis.opendocument.text"}))
    title_sq = forms.CharField(label=_("Title (Albanian)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False,
                               help_text=_("Without a title, the file's name is shown."))


class PackageSentForm(Stacked, forms.Form):
    sent_to = forms.ModelMultipleChoiceField(
        label=_("Sent to the leaders of these components"), required=False,
        queryset=Component.objects.none(), widget=forms.CheckboxSelectMultiple)
    sent_on = forms.DateField(label=_("Sent on"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              help_text=_("Leave empty for today."))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["sent_to"]
        field.queryset = Component.objects.filter(goal__plan=plan).select_related(
            "goal").order_by("goal__number", "position", "id")
        field.label_from_instance = lambda c: f"{c.goal.numeral}. {c.title}"


class ExampleForm(Stacked, forms.ModelForm):
    class Meta:
        model = Example
        fields = ("theme", "country_code", "country_sq", "country_en", "place_sq", "place_en",
                  "period", "start_year", "end_year", "title_sq", "title_en", "summary_sq",
                  "summary_en", "source_url", "slug", "published")
        widgets = {"summary_sq": forms.Textarea(attrs={"rows": 6}),
                   "summary_en": forms.Textarea(attrs={"rows": 6})}


ALL = ""


class ExampleFilterForm(forms.Form):
    """The list's filters, read from the query string: a wrong value is said next to its
    field and that filter is left out."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [(ALL, _("All themes")), *ExampleTheme.choices]
        albanian = active_content_language() == "sq"
        names = {code: (name_sq if albanian else name_en) or name_sq or name_en
                 for code, name_sq, name_en in countries}
        self.fields["country"].choices = [
            (ALL, _("All countries")), *sorted(names.items(), key=lambda item: item[1])]

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in ("theme", "country") if data.get(name)}

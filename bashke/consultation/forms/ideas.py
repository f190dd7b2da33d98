"""The online idea form: the seed's seven questions, with its guidance beside each."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Idea
from bashke.consultation.models.ideas import ANSWER_FIELDS, OGP_VALUES
from bashke.plans.models import Component, Institution, PolicyGoal

YES_NO = [("", _("Not answered")), ("yes", _("Yes")), ("no", _("No"))]

# The seed's "Keep in mind" guidance and each value's sub-questions, shown beside the fields.
GUIDANCE = {
    "overall_idea": _("Describe the idea as you would to someone who has not heard of it."),
    "problem": _("Problem: what social, economic, political or environmental problem does "
                 "the idea address?"),
    "solution": _("Solution: what activities does the idea propose, and how would they "
                  "contribute to the objective?"),
    "objective_impact": _("Objective and impact: what are its objectives and how do they help "
                          "solve or improve the problem? If fully implemented as written, what "
                          "effect would it have on the problem; what would each milestone "
                          "achieve?"),
    "beneficiaries": _("Who would benefit, directly and indirectly?"),
}
VALUE_PROMPTS = {
    "transparency": _("Would it disclose more information? Improve the quality of the "
                      "information disclosed? Improve public access to information? Enable "
                      "the right to information?"),
    "participation": _("Would it create or improve opportunities or capabilities for the "
                       "public to inform or influence decisions? Create or improve the "
                       "enabling environment for civil society?"),
    "accountability": _("Would it create or improve rules, regulations and mechanisms to "
                        "publicly hold government officials answerable for their actions?"),
    "technology": _("Would it use new or innovative means to promote transparency and "
                    "accountability in public policy? (This counts alongside one of the "
                    "other three values, never alone.)"),
}


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class IdeaForm(forms.ModelForm):
    """Fields of the form in the seed's order; question 6 as four yes/no groups."""

    on_behalf = forms.ChoiceField(label=_("Who submits this idea?"), required=True,
                                  widget=forms.RadioSelect)

    class Meta:
        model = Idea
        fields = ["title", "goal", "component", "language", *ANSWER_FIELDS,
                  *[name for prefix, _l in OGP_VALUES
                    for name in (f"improves_{prefix}", f"{prefix}_explanation")],
                  "agencies", "other_agencies", "publish_name"]
        widgets = {
            "overall_idea": forms.Textarea(attrs={"rows": 5}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "solution": forms.Textarea(attrs={"rows": 4}),
            "objective_impact": forms.Textarea(attrs={"rows": 4}),
            "beneficiaries": forms.Textarea(attrs={"rows": 3}),
            "agencies": forms.CheckboxSelectMultiple,
            "language": forms.RadioSelect,
        }

    def __init__(self, *args, plan, user, follow_url="", chosen_goal="", **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["goal"].queryset = PolicyGoal.objects.filter(plan=plan).order_by("number")
        self.fields["component"].queryset = (Component.objects.filter(goal__plan=plan)
                                             .select_related("goal")
                                             .order_by("goal__number", "position"))
        self.fields["component"].label_from_instance = (
            lambda c: f"{c.goal.numeral}. {c.goal.title} — {c.title}")
        self.fields["goal"].label_from_instance = lambda g: f"{g.numeral}. {g.title}"
        self._follow_goal(follow_url, chosen_goal)
        self.fields["agencies"].queryset = Institution.objects.order_by("name_en")
        self.fields["agencies"].label_from_instance = lambda i: i.name
        self.fields["agencies"].required = False
        for name, text in GUIDANCE.items():
            self.fields[name].help_text = text
        self.fields["overall_idea"].required = True
        for prefix, label in OGP_VALUES:
            self.fields[f"improves_{prefix}"] = forms.TypedChoiceField(
                label=label, choices=YES_NO, coerce=_yes_no, empty_value=None, required=False,
                widget=forms.RadioSelect, help_text=VALUE_PROMPTS[prefix],
                initial=self._initial_yes_no(prefix))
            self.fields[f"{prefix}_explanation"].label = _("Explain (optional)")
            self.fields[f"{prefix}_explanation"].widget = forms.Textarea(attrs={"rows": 2})
        self.fields["other_agencies"].help_text = _(
            "Agencies not in the list above, separated by commas (ministries, NGOs, etc.).")
        self.fields["publish_name"].label = _("Publish my name with the idea")
        self.fields["publish_name"].help_text = _(
            "Without your consent the idea is shown without a name. An idea submitted on "
            "behalf of an organisation always shows the organisation's name.")
        choices = [("person", _("I do, as a person"))]
        if user.is_authenticated and user.organisation_id:
            choices.append(("organisation", _("I do, on behalf of %(organisation)s")
                            % {"organisation": user.organisation.name}))
        self.fields["on_behalf"].choices = choices
        self.fields["on_behalf"].initial = (
            "organisation" if self.instance.organisation_id else "person")
        self.user = user

    def _initial_yes_no(self, prefix):
        value = getattr(self.instance, f"improves_{prefix}", None)
        return {True: "yes", False: "no"}.get(value, "")

    def _follow_goal(self, follow_url, chosen_goal):
        """Offer only the chosen goal's components. A form being submitted keeps every
        component, so that a mismatch is answered by name (clean) rather than as an unknown
        choice; the list narrows only when the page is shown for a goal (``?goal=``)."""
        if follow_url:
            self.fields["goal"].widget.attrs.update({
                "hx-get": follow_url, "hx-trigger": "change", "hx-include": "this",
                "hx-select": "#field-component", "hx-target": "#field-component",
                "hx-swap": "outerHTML"})
        if self.is_bound or not re.fullmatch(r"[0-9]{1,9}", str(chosen_goal)):
            return
        goal = self.fields["goal"].queryset.filter(pk=int(chosen_goal)).first()
        if goal is not None:
            self.initial["goal"] = goal.pk
            self.fields["component"].queryset = self.fields["component"].queryset.filter(goal=goal)

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                # Browsers send line breaks as CRLF; the Word form and the API send LF.
                cleaned[name] = value.replace("\r\n", "\n")
        goal, component = cleaned.get("goal"), cleaned.get("component")
        if component and goal and component.goal_id != goal.pk:
            self.add_error("component", _("This component belongs to another policy goal: "
                                          "%(goal)s.") % {"goal": component.goal.title})
        return cleaned

    def answers(self) -> dict:
        """Model field values for the services, from cleaned data."""
        data = {name: value for name, value in self.cleaned_data.items()
                if name not in {"agencies", "on_behalf"}}
        data["organisation"] = (self.user.organisation
                                if self.cleaned_data.get("on_behalf") == "organisation"
                                else None)
        return data

    def question_groups(self):
        """The bound fields grouped as the seed's numbered questions, for the template."""
        values = [(self[f"improves_{p}"], self[f"{p}_explanation"]) for p, _l in OGP_VALUES]
        return {
            "about": [self["title"], self["goal"], self["component"], self["language"]],
            "questions": [self[name] for name in ANSWER_FIELDS],
            "values": values,
            "agencies": [self["agencies"], self["other_agencies"]],
            "submitter": [self["on_behalf"], self["publish_name"]],
        }


class RecordedIdeaForm(IdeaForm):
    """Staff record an idea received by e-mail, on paper or at a meeting."""

    channel = forms.ChoiceField(label=_("Received"), choices=[
        ("email", _("By e-mail")), ("paper", _("On paper")),
        ("meeting", _("At a consultation meeting"))])
    submitter_name = forms.CharField(label=_("Name of the person or organisation"),
                                     max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_behalf"].choices = [("person", _("The person named above"))]
        self.fields["on_behalf"].initial = "person"
        self.fields["publish_name"].label = _("The person consented to publishing the name")

    def answers(self) -> dict:
        data = super().answers()
        data.pop("channel", None)
        return data


class IdeaFilterForm(forms.Form):
    """The idea list's filters, read from the query string."""

    SORTS = [("newest", _("Newest")), ("supported", _("Most supported")),
             ("discussed", _("Most discussed"))]
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    goal = forms.ModelChoiceField(label=_("Policy goal"), queryset=PolicyGoal.objects.none(),
                                  required=False, empty_label=_("All"))
    component = forms.ModelChoiceField(label=_("Component"), queryset=Component.objects.none(),
                                       required=False, empty_label=_("All"))
    value = forms.ChoiceField(label=_("OGP value"), required=False,
                              choices=[("", _("All")), *OGP_VALUES])
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sector = forms.ChoiceField(label=_("Sector of the submitter"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args, plan, goals, components, **kwargs):
        from bashke.accounts.models import Sector
        from bashke.consultation import outcomes
        from bashke.consultation.models import Channel, IdeaStatus

        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = PolicyGoal.objects.filter(plan=plan)
        self.fields["goal"].label_from_instance = lambda g: f"{g.numeral}. {g.title}"
        self.fields["component"].queryset = Component.objects.filter(goal__plan=plan)
        self.fields["component"].label_from_instance = lambda c: c.title
        # Choices from the rows already loaded for the page, so the form costs no queries.
        self.fields["goal"].widget.choices = [("", _("All"))] + [
            (g.pk, f"{g.numeral}. {g.title}") for g in goals]
        self.fields["component"].widget.choices = [("", _("All"))] + [
            (c.pk, c.title) for c in components]
        self.fields["channel"].choices = [("", _("All")), *Channel.choices]
        # The consultation's own states, then what the assessment decided (outcomes.py).
        self.fields["status"].choices = [("", _("All")), *IdeaStatus.choices,
                                         (outcomes.AWAITING, _("Awaiting a response")),
                                         *outcomes.decision_kinds()]
        self.fields["sector"].choices = [("", _("All")), *Sector.choices]

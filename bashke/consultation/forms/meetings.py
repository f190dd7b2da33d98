"""Forms for meetings: scheduling, cancelling, attendance (by rows, by pasted lines, or by
ticking registered people), minutes, documents and the ideas raised at a meeting. The
services in :mod:`bashke.consultation.services.meetings` write what they accept."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from bashke.accounts.models import Gender, Organisation, Sector, organisation_name_key
from bashke.consultation.models import Idea
from bashke.consultation.models.ideas import fold
from bashke.consultation.models.meetings import Meeting
from bashke.consultation.services.meetings import MAX_ATTENDANCE_ROWS
from bashke.core.permissions import allowed
from bashke.plans.models import Component, Institution
from bashke.plans.rules import ALL, components_run_by

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class Stacked:
    # The accounts app's layout: label, help, errors next to each input, a summary first.
    template_name = "core/forms/stacked.html"


def datetime_field(label):
    return forms.DateTimeField(
        label=label, input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        help_text=_("Local time in Albania, e.g. 2026-03-05 10:00."))


class MeetingForm(Stacked, forms.ModelForm):
    starts_at = datetime_field(_("Starts"))
    ends_at = datetime_field(_("Ends"))

    class Meta:
        model = Meeting
        fields = ["component", "kind", "title_sq", "title_en", "starts_at", "ends_at", "place",
                  "online_url", "capacity", "organiser", "description_sq", "description_en",
                  "agenda_sq", "agenda_en"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in
                   ("description_sq", "description_en", "agenda_sq", "agenda_en")}
        help_texts = {
            "title_sq": _("Give the title in at least one language; both is best."),
            "place": _("The address, or the room. Give an online link instead or as well."),
            "online_url": _("A link starting with https://"),
            "agenda_sq": _("One item a line."),
        }

    def __init__(self, *args, user, plan, **kwargs):
        super().__init__(*args, **kwargs)
        runs = components_run_by(user, plan)
        component = self.fields["component"]
        component.queryset = Component.objects.filter(goal__plan=plan).select_related(
            "goal").order_by("goal__number", "position", "id")
        if runs is not ALL:
            component.queryset = component.queryset.filter(pk__in=runs)
        component.label_from_instance = lambda c: f"{c.goal.numeral}. {c.title}"
        may_skip = allowed(user, "consultation.schedule_plan_meeting", plan)
        component.required = not may_skip
        component.empty_label = _("The whole plan") if may_skip else None
        self.fields["organiser"].queryset = Institution.objects.order_by("name_en")
        self.fields["capacity"].widget.attrs.update({"min": 1, "inputmode": "numeric"})
        self.fields["online_url"].assume_scheme = "https"

    def clean(self):
        cleaned = super().clean()
        for name in ("title_sq", "title_en", "place"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = cleaned[name].strip()
        return cleaned


class CancelForm(Stacked, forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the meeting's page and sent to calendars that follow it."))


# Attendance -----------------------------------------------------------------------------

class AttendanceRowForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=200, required=False,
        widget=forms.TextInput(attrs={"list": "known-organisations"}))
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=[("", _("Not given")), *Sector.choices])
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[
        ("", _("Not given")), *[(v, label) for v, label in Gender.choices if v]])

    def clean(self):
        cleaned = super().clean()
        name = (cleaned.get("name") or "").strip()
        others = any(cleaned.get(f) for f in ("organisation_name", "sector", "gender"))
        if others and not name:
            self.add_error("name", _("Give the person's name, or clear the row."))
        cleaned["name"] = name
        cleaned["organisation_name"] = (cleaned.get("organisation_name") or "").strip()
        return cleaned


class BaseAttendanceFormSet(forms.BaseFormSet):
    def rows(self):
        """The filled rows, with organisations matched to listed ones as in a paste."""
        rows = [{key: form.cleaned_data.get(key) or ""
                 for key in ("name", "organisation_name", "sector", "gender")}
                for form in self.forms if form.cleaned_data.get("name")]
        _match_organisations(rows)
        return rows


AttendanceFormSet = forms.formset_factory(AttendanceRowForm, formset=BaseAttendanceFormSet,
                                          extra=0, max_num=50, absolute_max=50,
                                          validate_max=True)


def _words(*values):
    return {" ".join(fold(str(value)).split()) for value in values}


def _labels(choices):
    """Each choice's label in both languages, folded, for matching what people type."""
    labels = {}
    for language in ("sq", "en"):
        with translation.override(language):
            for value, label in choices:
                labels.update(dict.fromkeys(_words(label, value), value))
    return labels


SECTOR_WORDS = {
    Sector.GOVERNMENT: ("gov", "public sector", "public", "qeveri", "qeveria", "institucion",
                        "sektori publik", "administrata"),
    Sector.CIVIL_SOCIETY: ("cso", "ngo", "ojf", "oshc", "civil society", "shoqeri civile",
                           "shoqeria civile"),
    Sector.PRIVATE_SECTOR: ("private", "business", "privat", "biznes", "sektori privat"),
    Sector.ACADEMIA: ("academic", "university", "akademi", "akademia", "universitet"),
    Sector.INTERNATIONAL: ("international", "donor", "nderkombetar",
                           "organizate nderkombetare"),
    Sector.CITIZEN: ("individual", "qytetar", "qytetare", "individ"),
}
GENDER_WORDS = {
    Gender.WOMAN: ("woman", "women", "female", "f", "w", "grua", "femer"),
    Gender.MAN: ("man", "men", "male", "m", "burre", "mashkull"),
    Gender.OTHER: ("other", "tjeter", "non-binary", "nonbinary"),
    Gender.UNSAID: ("", "-", "unsaid", "n/a", "prefer not to say", "nuk e them",
                    "pa pergjigje"),
}


def _vocabulary(choices, extra):
    words = _labels(choices)
    for value, synonyms in extra.items():
        words.update(dict.fromkeys(_words(*synonyms), str(value)))
    return words


class BulkAttendanceForm(Stacked, forms.Form):
    """One person a line: "name; organisation; sector; gender", the last three optional.
    A line with a mistake stops the whole paste (nothing is saved) and is named with its
    number, so the list can be corrected in place and sent again."""

    lines = forms.CharField(
        label=_("Attendance list, one person a line"), widget=forms.Textarea(attrs={"rows": 10}),
        max_length=100_000,
        help_text=_("Write each line as: name; organisation; sector; gender. Only the name is "
                    "required, e.g. “Arta Hoxha; Qendra Res Publica; civil society; woman”. "
                    "Lines copied from a spreadsheet (tab-separated) work too."))

    def clean_lines(self):
        text = self.cleaned_data["lines"]
        rows, problems = parse_attendance_lines(text)
        if problems:
            raise ValidationError([_("Line %(number)s: %(problem)s") % {
                "number": number, "problem": problem} for number, problem in problems])
        if not rows:
            raise ValidationError(_("There is nobody to add."))
        if len(rows) > MAX_ATTENDANCE_ROWS:
            raise ValidationError(_("Add at most %(limit)s people at a time.")
                                  % {"limit": MAX_ATTENDANCE_ROWS})
        self.rows = rows
        return text


def parse_attendance_lines(text: str):
    """(rows, problems): rows as dicts for the attendance service, problems as
    [(line number, message)]. Organisations are matched to listed ones by name or acronym
    (one query for the whole paste)."""
    sectors = _vocabulary(Sector.choices, SECTOR_WORDS)
    genders = _vocabulary([(v, label) for v, label in Gender.choices], GENDER_WORDS)
    parsed, problems = [], []
    for number, raw in enumerate((text or "").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        separator = ";" if ";" in line else "\t"
        parts = [part.strip() for part in line.split(separator)]
        if len(parts) > 4:
            problems.append((number, _("there are more than four parts; separate name, "
                                       "organisation, sector and gender with “;”.")))
            continue
        name, organisation, sector, gender = (parts + ["", "", ""])[:4]
        if not name:
            problems.append((number, _("the name is missing.")))
            continue
        if len(name) > 200 or len(organisation) > 200:
            problems.append((number, _("a name longer than 200 characters.")))
            continue
        sector_value = sectors.get(" ".join(fold(sector).split()).strip(".")) if sector else ""
        if sector_value is None:
            problems.append((number, _("“%(sector)s” is not a sector. Use one of: "
                                       "%(choices)s.") % {
                "sector": sector, "choices": ", ".join(str(label) for _v, label in
                                                       Sector.choices)}))
            continue
        gender_value = genders.get(" ".join(fold(gender).split()).strip("."))
        if gender_value is None:
            problems.append((number, _("“%(gender)s” is not understood as a gender. Use woman, "
                                       "man, other, or leave it empty.") % {"gender": gender}))
            continue
        parsed.append({"name": name, "organisation_name": organisation, "sector": sector_value,
                       "gender": gender_value})
    _match_organisations(parsed)
    return parsed, problems


def _match_organisations(rows):
    typed = {row["organisation_name"] for row in rows if row["organisation_name"]}
    if not typed:
        for row in rows:
            row["organisation"] = None
        return
    keys = {organisation_name_key(name) for name in typed}
    acronyms = {re.sub(r"\s+", "", name).upper() for name in typed}
    known = list(Organisation.objects.filter(name_key__in=keys) |
                 Organisation.objects.filter(acronym__in=acronyms))
    by_key = {o.name_key: o for o in known}
    by_acronym = {o.acronym.upper(): o for o in known if o.acronym}
    for row in rows:
        name = row["organisation_name"]
        match = (by_key.get(organisation_name_key(name))
                 or by_acronym.get(re.sub(r"\s+", "", name).upper())) if name else None
        row["organisation"] = match
        if match is not None:
            row["organisation_name"] = ""
            row["sector"] = row["sector"] or match.sector


class RegisteredAttendanceForm(forms.Form):
    people = forms.MultipleChoiceField(label=_("Registered people who came"),
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = {str(r.user_id): r for r in registrations}
        self.fields["people"].choices = [(key, r.user.public_name)
                                         for key, r in self.registrations.items()]

    def rows(self):
        rows = []
        for key in self.cleaned_data["people"]:
            user = self.registrations[key].user
            rows.append({"user": user, "name": user.public_name,
                         "organisation": user.organisation, "sector": user.sector,
                         "gender": user.gender})
        return rows


class MinutesForm(Stacked, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes_sq", "minutes_en"]
        widgets = {"minutes_sq": forms.Textarea(attrs={"rows": 12}),
                   "minutes_en": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"minutes_sq": _("Plain text; an empty line starts a new paragraph.")}


class DocumentForm(Stacked, forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_(
        "PDF, Word (.docx), Excel (.xlsx) or OpenDocument text (.odt), at most 10 MB."))


class MeetingIdeaForm(Stacked, forms.ModelForm):
    """An idea someone put forward at the meeting, as staff note it down."""

    class Meta:
        model = Idea
        fields = ["title", "language", "component", "overall_idea", "problem", "solution",
                  "submitter_name", "organisation", "publish_name"]
        widgets = {"overall_idea": forms.Textarea(attrs={"rows": 4}),
                   "problem": forms.Textarea(attrs={"rows": 3}),
                   "solution": forms.Textarea(attrs={"rows": 3})}
        labels = {"submitter_name": _("Who raised it (name)"),
                  "publish_name": _("They agreed to have their name published")}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = Component.objects.filter(goal__plan=plan) \
            .select_related("goal").order_by("goal__number", "position", "id")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("None, or not listed")

    def answers(self):
        return {name: self.cleaned_data.get(name) for name in self._meta.fields}


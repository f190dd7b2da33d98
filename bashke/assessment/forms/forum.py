"""Forms for the forum: a membership, a decision of the forum."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import ForumDecision, ForumMember
from bashke.consultation.models.meetings import Meeting, MeetingKind
from bashke.core.web import Stacked

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MemberForm(Stacked, forms.ModelForm):
    class Meta:
        model = ForumMember
        fields = ["name", "organisation_name", "organisation", "sector", "joined_on",
                  "left_on"]
        widgets = {"joined_on": DATE, "left_on": DATE}
        help_texts = {
            "name": _("Published on the forum's page, as OGP asks."),
            "organisation_name": _("The organisation or institution the member represents."),
            "organisation": _("If the organisation is listed on the site, choose it too."),
            "left_on": _("Leave empty while the membership lasts."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.order_by(
            "name")


class ForumDecisionForm(Stacked, forms.ModelForm):
    class Meta:
        model = ForumDecision
        fields = ["kind", "decided_on", "meeting", "title_sq", "title_en", "text_sq", "text_en"]
        widgets = {"decided_on": DATE, "text_sq": forms.Textarea(attrs={"rows": 5}),
                   "text_en": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"title_sq": _("Give the title in at least one language; both is best.")}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.fields["meeting"]
        meeting.queryset = Meeting.objects.filter(plan=plan, kind=MeetingKind.FORUM).order_by(
            "-starts_at")
        meeting.empty_label = _("Not taken at a meeting")
        meeting.label_from_instance = lambda m: f"{m.title} ({m.starts_at:%Y-%m-%d})"

"""Who took part in a plan's consultation meetings, as counts: how many, from which sectors
and organisations, the gender balance, and the diversity the seed's criteria sheet asks
about ("Public participation and civil society engagement: … diversity of participants").

Everything is counted in the database, a fixed number of queries whatever the number of
people. Nothing here is ever about one person: gender is only ever a count.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bashke.accounts.models import Gender, Sector
from bashke.consultation.models import Idea
from bashke.consultation.models.meetings import Attendance, Meeting, MeetingStatus
from bashke.plans.models import Component

TOP_ORGANISATIONS = 10
GENDER_KEYS = [(value or "unsaid", value, label) for value, label in Gender.choices]
SECTOR_KEYS = [(value, value, label) for value, label in Sector.choices]
UNKNOWN_SECTOR = ("unknown", "", _("Not given"))
ORGANISATION = Coalesce("organisation__name", NullIf("organisation_name", Value("")))
GOVERNMENT = Sector.GOVERNMENT.value
CIVIL_SOCIETY = Sector.CIVIL_SOCIETY.value


def _counts():
    """Aggregates for one group of attendance rows: total, per gender, per sector."""
    counts = {"total": Count("id")}
    for key, value, _label in GENDER_KEYS:
        counts[f"g_{key}"] = Count("id", filter=Q(gender=value))
    for key, value, _label in [*SECTOR_KEYS, UNKNOWN_SECTOR]:
        counts[f"s_{key}"] = Count("id", filter=Q(sector=value))
    return counts


@dataclass
class Breakdown:
    """Counts for one group of attendance rows (a plan, a meeting, a component)."""

    total: int = 0
    genders: dict = field(default_factory=dict)    # key → count
    sectors: dict = field(default_factory=dict)    # key → count, "unknown" included
    organisations: int = 0
    civil_society_organisations: int = 0
    ideas: int = 0

    @classmethod
    def of(cls, row: dict | None, **extra):
        row = row or {}
        return cls(
            total=row.get("total") or 0,
            genders={key: row.get(f"g_{key}") or 0 for key, _v, _l in GENDER_KEYS},
            sectors={key: row.get(f"s_{key}") or 0
                     for key, _v, _l in [*SECTOR_KEYS, UNKNOWN_SECTOR]},
            organisations=row.get("organisations") or 0,
            civil_society_organisations=row.get("cso_organisations") or 0,
            **extra)

    def gender_rows(self):
        return [(label, self.genders[key]) for key, _v, label in GENDER_KEYS]

    def sector_rows(self):
        return [(label, self.sectors[key]) for key, _v, label in [*SECTOR_KEYS, UNKNOWN_SECTOR]]

    @property
    def women(self):
        return self.genders["woman"]

    @property
    def men(self):
        return self.genders["man"]

    @property
    def other_or_unsaid(self):
        return self.genders["other"] + self.genders["unsaid"]

    @property
    def gender_given(self):
        return self.total - self.genders["unsaid"]

    @property
    def women_share(self):
        """Women among those who gave their gender, in per cent (None if nobody did)."""
        return _share(self.women, self.gender_given)

    @property
    def sectors_represented(self):
        return sum(1 for key, _v, _l in SECTOR_KEYS if self.sectors[key])

    @property
    def sector_given(self):
        return self.total - self.sectors["unknown"]

    @property
    def outside_government_share(self):
        """People from outside government among those whose sector is known, in per cent."""
        return _share(self.sector_given - self.sectors[GOVERNMENT], self.sector_given)

    def as_data(self) -> dict:
        """Plain data for the API: counts only, never names."""
        return {
            "total": self.total,
            "by_gender": {key: self.genders[key] for key, _v, _l in GENDER_KEYS},
            "by_sector": dict(self.sectors),
            "organisations": self.organisations,
            "civil_society_organisations": self.civil_society_organisations,
            "sectors_represented": self.sectors_represented,
            "women_share": self.women_share,
            "outside_government_share": self.outside_government_share,
        }


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _with_organisations(counts):
    return {**counts,
            "organisations": Count(ORGANISATION, distinct=True),
            "cso_organisations": Count(ORGANISATION, filter=Q(sector=CIVIL_SOCIETY),
                                       distinct=True)}


def held_meetings(plan, now=None):
    """The plan's meetings that took place: published (not cancelled) and begun."""
    return Meeting.objects.filter(plan=plan, status=MeetingStatus.PUBLISHED,
                                  starts_at__lte=now or timezone.now())


def meeting_figures(meeting) -> Breakdown:
    """Counts for one meeting: two queries."""
    rows = Attendance.objects.filter(meeting=meeting)
    totals = rows.aggregate(**_with_organisations(_counts()))
    ideas = Idea.objects.filter(meeting=meeting).count()
    return Breakdown.of(totals, ideas=ideas)


def figures_for_meetings(meeting_ids) -> dict:
    """{meeting id: Breakdown} for many meetings at once: two queries."""
    grouped = (Attendance.objects.filter(meeting_id__in=meeting_ids).order_by()
               .values("meeting_id").annotate(**_with_organisations(_counts())))
    ideas = dict(Idea.objects.filter(meeting_id__in=meeting_ids).order_by()
                 .values_list("meeting_id").annotate(n=Count("id")))
    by_meeting = {row["meeting_id"]: row for row in grouped}
    return {pk: Breakdown.of(by_meeting.get(pk), ideas=ideas.get(pk, 0)) for pk in meeting_ids}


@dataclass
class PlanFigures:
    plan: object
    overall: Breakdown
    meetings: list            # [(meeting, Breakdown)], oldest first
    components: list          # [(component or None, meetings held, Breakdown)]
    top_organisations: list   # [(name, count)]

    @property
    def meetings_held(self):
        return len(self.meetings)

    @property
    def components_without_meetings(self):
        return [component for component, held, _b in self.components
                if component is not None and not held]


def plan_figures(plan, now=None) -> PlanFigures:
    """The whole plan: eight queries, whatever the number of meetings and people."""
    now = now or timezone.now()
    meetings = list(held_meetings(plan, now).select_related("plan", "component")
                    .order_by("starts_at", "id"))
    rows = Attendance.objects.filter(meeting__in=held_meetings(plan, now))
    overall_row = rows.aggregate(**_with_organisations(_counts()))
    ideas_total = Idea.objects.filter(meeting__in=held_meetings(plan, now)).count()
    per_meeting = figures_for_meetings([m.pk for m in meetings])
    per_component = {row["meeting__component"]: row for row in
                     rows.order_by().values("meeting__component")
                     .annotate(**_with_organisations(_counts()))}
    top = list(rows.exclude(organisation__isnull=True, organisation_name="").order_by()
               .values(organisation_label=ORGANISATION).annotate(n=Count("id"))
               .order_by("-n", "organisation_label")[:TOP_ORGANISATIONS])
    components = list(Component.objects.filter(goal__plan=plan).select_related("goal")
                      .order_by("goal__number", "position", "id"))
    held = {}
    ideas_by_component = {}
    for meeting in meetings:
        held[meeting.component_id] = held.get(meeting.component_id, 0) + 1
        ideas_by_component[meeting.component_id] = (ideas_by_component.get(
            meeting.component_id, 0) + per_meeting[meeting.pk].ideas)
    component_rows = [
        (component, held.get(component.pk, 0),
         Breakdown.of(per_component.get(component.pk),
                      ideas=ideas_by_component.get(component.pk, 0)))
        for component in components]
    if None in held:  # meetings about the plan as a whole
        component_rows.append((None, held[None], Breakdown.of(
            per_component.get(None), ideas=ideas_by_component.get(None, 0))))
    return PlanFigures(
        plan=plan, overall=Breakdown.of(overall_row, ideas=ideas_total),
        meetings=[(meeting, per_meeting[meeting.pk]) for meeting in meetings],
        components=component_rows,
        top_organisations=[(row["organisation_label"], row["n"]) for row in top])

"""Helpers for the meetings tests: times relative to now, and meetings made through the
services (as a coordinator would), published unless asked otherwise."""

import datetime

from django.utils import timezone

from bashke.consultation.services import meetings as services


def at(days, hour=10, *, minutes=0):
    """A moment ``days`` from today at the given local hour."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    naive = datetime.datetime.combine(day, datetime.time(hour, minutes))
    return timezone.make_aware(naive)


def fields(**overrides):
    data = {"title_sq": "Takim konsultues", "title_en": "Consultation meeting",
            "starts_at": at(7, 10), "ends_at": at(7, 12), "place": "Bashkia Shkodër, salla 2"}
    data.update(overrides)
    return data


def schedule(plan, actor, *, publish=True, **overrides):
    meeting = services.create_meeting(plan, actor=actor, **fields(**overrides))
    if publish:
        meeting = services.publish_meeting(meeting, actor=actor)
    return meeting


def held(plan, actor, **overrides):
    """A published meeting that took place last week."""
    return schedule(plan, actor, **{"starts_at": at(-7, 10), "ends_at": at(-7, 12),
                                    **overrides})

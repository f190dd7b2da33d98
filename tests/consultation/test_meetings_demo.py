"""The demo meetings (loaded by `bashke loaddemo` after the plans' demo) are added once,
each in the state the demo promises. Only the plans' demo and this one run here, so that
another area's demo data does not decide whether this passes."""

import io

import pytest
from django.utils import timezone

from bashke.consultation.demos import meetings as meetings_demo
from bashke.consultation.models import Channel
from bashke.consultation.models.meetings import Meeting, MeetingKind, MeetingStatus
from bashke.plans import demo as plans_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_demo_meetings(client):
    for _run in range(2):  # a second run adds nothing
        plans_demo.load(io.StringIO())
        meetings_demo.load(io.StringIO())
    now = timezone.now()
    shkoder = Meeting.objects.filter(plan__slug__startswith="shkoder")
    assert shkoder.count() == 3
    past = shkoder.get(ends_at__lt=now)
    assert past.attendances.count() == 12 and past.documents.count() == 1
    assert past.minutes_sq and past.minutes_en
    (idea,) = past.ideas.all()
    assert idea.channel == Channel.MEETING
    open_for_registration = shkoder.filter(starts_at__gt=now, capacity__isnull=False).get()
    assert open_for_registration.status == MeetingStatus.PUBLISHED
    assert open_for_registration.registrations.count() == 2
    albania = Meeting.objects.get(plan__slug="albania-2020-2022")
    assert albania.kind == MeetingKind.WORKING and albania.attendances.count() == 9
    drafting = albania.plan.stages.get(kind="drafting")
    assert drafting.start <= timezone.localtime(albania.starts_at).date() <= drafting.end
    for meeting in Meeting.objects.all():
        assert client.get(meeting.get_absolute_url()).status_code == 200
    document = past.documents.get()
    response = client.get(document.get_absolute_url())
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")

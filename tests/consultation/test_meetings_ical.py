"""The iCalendar feeds: RFC 5545 to the octet (CRLF, folding at 75 octets, TEXT escaping,
UTC times), read back both by a small reader here and by the `icalendar` package."""

import datetime

import icalendar
import pytest
from meetings_helpers import at, schedule

from bashke.consultation.ical import Calendar, escape_text, fold
from bashke.consultation.services import meetings as services

pytestmark = pytest.mark.django_db

HOSTILE = "Budget; roads, schools\\parks\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:owned"


def unfold(body: bytes) -> list[str]:
    """The content lines of a calendar, as RFC 5545 says to read them."""
    text = body.decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "a bare LF or CR outside CRLF"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def events(lines):
    """[{property: value}] of each VEVENT, by a reader that knows nothing of our writer."""
    found, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, _sep, value = line.partition(":")
            current[name] = value
    return found


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ";,", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def test_escape_and_fold_rules():
    assert escape_text("a;b,c\\d\ne\r\nf") == "a\\;b\\,c\\\\d\\ne\\nf"
    line = "SUMMARY:" + "ë" * 100  # two octets a letter: a fold must not split one
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line
    assert fold("SHORT:x") == "SHORT:x"


def test_plan_feed_has_meetings_and_stages_and_parses(client, plan, coordinator):
    meeting = schedule(plan, coordinator, title_en="Open budget meeting",
                       title_sq="Takim për buxhetin", capacity=10,
                       online_url="https://meet.example.org/budget",
                       agenda_en="1. Welcome\n2. Ideas")
    schedule(plan, coordinator, publish=False, title_en="Secret draft", title_sq="Draft")
    response = client.get(f"/en/plans/{plan.slug}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    lines = unfold(body)
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    found = events(lines)
    summaries = [unescape(e["SUMMARY"]) for e in found]
    assert "Open budget meeting" in summaries and "Secret draft" not in summaries
    assert "Online consultation — Action Plan 2020–2022" in summaries
    event = next(e for e in found if e["SUMMARY"] == "Open budget meeting")
    start = meeting.starts_at.astimezone(datetime.UTC)
    assert event["DTSTART"] == start.strftime("%Y%m%dT%H%M%SZ")
    assert event["UID"] == f"meeting-{meeting.uid}@bashke.al"
    assert event["STATUS"] == "CONFIRMED" and event["SEQUENCE"] == "0"
    assert event["DTSTAMP"].endswith("Z")
    assert "1. Welcome\n2. Ideas" in unescape(event["DESCRIPTION"])
    stage = next(e for e in found if e["SUMMARY"].startswith("Online consultation"))
    # All day, with the exclusive end the day after the stage's last day.
    assert stage["DTSTART;VALUE=DATE"] == "20200101" and stage["DTEND;VALUE=DATE"] == "20200229"

    parsed = icalendar.Calendar.from_ical(body)
    vevents = parsed.walk("VEVENT")
    assert len(vevents) == 4  # three stages and the published meeting
    parsed_meeting = next(e for e in vevents if str(e["SUMMARY"]) == "Open budget meeting")
    assert parsed_meeting.decoded("DTSTART") == meeting.starts_at
    assert str(parsed_meeting["LOCATION"]).endswith("https://meet.example.org/budget")


def test_summaries_follow_the_request_language(client, plan, coordinator):
    schedule(plan, coordinator, title_en="Budget meeting", title_sq="Takim për buxhetin")
    albanian = events(unfold(client.get(f"/sq/plans/{plan.slug}/calendar.ics").content))
    assert "Takim për buxhetin" in [e["SUMMARY"] for e in albanian]
    stages = [e for e in albanian if e["UID"].startswith("stage-")]
    assert stages and all(e["SUMMARY"].endswith(" — Plani i Veprimit 2020–2022")
                          for e in stages)


def test_hostile_titles_cannot_break_out_of_their_property(client, plan, coordinator):
    long_place = "Rruga " + "Ëë, ;" * 40
    meeting = schedule(plan, coordinator, title_en=HOSTILE, title_sq=HOSTILE, place=long_place)
    body = client.get(meeting.get_absolute_url().replace("/sq/", "/en/") + "meeting.ics").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    lines = unfold(body)
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    assert "SUMMARY:owned" not in lines
    (event,) = events(lines)
    assert unescape(event["SUMMARY"]) == HOSTILE.replace("\r\n", "\n")
    assert unescape(event["LOCATION"]) == long_place
    parsed = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert len(parsed) == 1 and str(parsed[0]["SUMMARY"]) == HOSTILE.replace("\r\n", "\n")


def test_cancelled_meetings_say_so_and_keep_their_uid(client, plan, coordinator):
    meeting = schedule(plan, coordinator)
    url = f"/en/plans/{plan.slug}/calendar.ics"
    (before,) = [e for e in events(unfold(client.get(url).content)) if "meeting-" in e["UID"]]
    services.update_meeting(meeting, actor=coordinator, starts_at=at(9, 15), ends_at=at(9, 17))
    services.cancel_meeting(meeting, actor=coordinator, reason="The hall is closed; sorry.")
    (after,) = [e for e in events(unfold(client.get(url).content)) if "meeting-" in e["UID"]]
    assert after["UID"] == before["UID"]
    assert (before["SEQUENCE"], after["SEQUENCE"]) == ("0", "2")
    assert after["STATUS"] == "CANCELLED"
    assert "The hall is closed; sorry." in unescape(after["DESCRIPTION"])
    parsed = icalendar.Calendar.from_ical(client.get(url).content)
    (cancelled,) = [e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("meeting-")]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 2


def test_unknown_plan_feed_is_404(client, db):
    assert client.get("/en/plans/nothing/calendar.ics").status_code == 404


def test_feed_runs_a_fixed_number_of_queries(client, plan, coordinator,
                                             django_assert_num_queries):
    schedule(plan, coordinator)
    url = f"/en/plans/{plan.slug}/calendar.ics"
    with django_assert_num_queries(3):  # plan, stages, public meetings
        client.get(url)
    for day in range(10):
        schedule(plan, coordinator, starts_at=at(day + 1, 9), ends_at=at(day + 1, 10))
    with django_assert_num_queries(3):
        assert len(events(unfold(client.get(url).content))) == 3 + 11


def test_calendar_object_alone():
    calendar = Calendar("Name, with; marks")
    assert "X-WR-CALNAME:Name\\, with\\; marks" in calendar.serialise().decode()

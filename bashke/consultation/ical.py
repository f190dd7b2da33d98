"""iCalendar (RFC 5545) written by hand: the plan's meetings and stage deadlines.

Only what calendars need, done to the letter: CRLF line ends, lines folded at 75 octets
without splitting a UTF-8 character, TEXT values escaped, times in UTC with "Z", a UID that
never changes for a meeting and a SEQUENCE that grows with each change, so that calendar
programs replace the event instead of adding a second one.
"""

import datetime

from django.utils import timezone

PRODID = "-//Bashke//Consultation meetings//EN"
UID_DOMAIN = "bashke.al"
MAX_OCTETS = 75


def escape_text(value) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks."""
    text = str(value or "")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "\\n")


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def day(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def fold(line: str) -> str:
    """Splits a content line into lines of at most 75 octets; each continuation starts with
    one space, which counts towards its 75 (RFC 5545, 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    parts, current, limit = [], b"", MAX_OCTETS
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", MAX_OCTETS - 1
        current += octets
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


class Calendar:
    def __init__(self, name: str, *, now=None):
        self.now = now or timezone.now()
        self.lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}",
                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                      f"X-WR-CALNAME:{escape_text(name)}"]

    def add_meeting(self, meeting, *, summary, description, location, url):
        status = "CANCELLED" if meeting.is_cancelled else "CONFIRMED"
        self.lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.uid}@{UID_DOMAIN}",
            f"DTSTAMP:{utc(meeting.updated_at or self.now)}",
            f"LAST-MODIFIED:{utc(meeting.updated_at or self.now)}",
            f"SEQUENCE:{meeting.sequence}",
            f"DTSTART:{utc(meeting.starts_at)}",
            f"DTEND:{utc(meeting.ends_at)}",
            f"SUMMARY:{escape_text(summary)}",
            f"STATUS:{status}",
        ]
        if description:
            self.lines.append(f"DESCRIPTION:{escape_text(description)}")
        if location:
            self.lines.append(f"LOCATION:{escape_text(location)}")
        if url:
            self.lines.append(f"URL:{url}")
        self.lines.append("END:VEVENT")

    def add_stage(self, stage, *, summary, description, url):
        """A stage as an all-day event; DTEND is exclusive, so the day after its end."""
        self.lines += [
            "BEGIN:VEVENT",
            f"UID:stage-{stage.pk}@{UID_DOMAIN}",
            f"DTSTAMP:{utc(self.now)}",
            f"DTSTART;VALUE=DATE:{day(stage.start)}",
            f"DTEND;VALUE=DATE:{day(stage.end + datetime.timedelta(days=1))}",
            f"SUMMARY:{escape_text(summary)}",
            "TRANSP:TRANSPARENT",
        ]
        if description:
            self.lines.append(f"DESCRIPTION:{escape_text(description)}")
        if url:
            self.lines.append(f"URL:{url}")
        self.lines.append("END:VEVENT")

    def serialise(self) -> bytes:
        lines = [*self.lines, "END:VCALENDAR"]
        return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")

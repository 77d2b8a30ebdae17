"""iCalendar (RFC 5545) output for school events: escaping, line folding, UTC times.

Plain Python, no Django: the rules of the format are tested on their own.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

PRODUCT_ID = "-//Mektep//School events//KY-RU"
LINE_LIMIT = 75  # octets per line before folding (RFC 5545 §3.1)
# CONTROL characters may not appear in a TEXT value, except tab (RFC 5545 §3.1, §3.3.11); line
# breaks are escaped instead.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class CalendarEvent:
    uid: str
    title: str
    start: datetime.datetime
    end: datetime.datetime | None = None
    description: str = ""
    place: str = ""
    url: str = ""


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped, other
    control characters left out."""
    value = CONTROL.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character;
    each continuation starts with one space."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_LIMIT if not parts else LINE_LIMIT - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: CalendarEvent, now: datetime.datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(event.start)}",
    ]
    if event.end:
        lines.append(f"DTEND:{utc_stamp(event.end)}")
    lines.append(f"SUMMARY:{escape_text(event.title)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.place:
        lines.append(f"LOCATION:{escape_text(event.place)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def render_calendar(events: Iterable[CalendarEvent], name: str, now: datetime.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(event_lines(event, now))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)

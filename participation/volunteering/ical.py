"""A shift as an iCalendar (RFC 5545) event, so a volunteer can add it to a phone's
calendar. Times are written in UTC, which every calendar converts to local time."""

import datetime

from django.utils import timezone


def escape(text):
    """Escape a TEXT value (RFC 5545 §3.3.11). Pure."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Fold a content line at 75 octets without splitting a UTF-8 character. Pure."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def shift_calendar(shift, url, host):
    def utc(value):
        return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Linli//Volunteering//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:volunteer-shift-{shift.pk}@{host}",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(shift.starts_at)}",
        f"DTEND:{utc(shift.ends_at)}",
        f"SUMMARY:{escape(shift.opportunity.title)}",
        f"LOCATION:{escape(shift.place)}",
        f"DESCRIPTION:{escape(shift.opportunity.description[:500])}",
        f"URL:{escape(url)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"

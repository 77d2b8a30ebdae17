import datetime

import pytest
from django.utils import timezone

from cms_pages.ical import CalendarEvent, escape_text, fold_line, render_calendar
from cms_pages.models import Event

from .public_site import events_page

pytestmark = pytest.mark.django_db


def test_events_page_lists_coming_events_soonest_first_in_both_languages(client, demo_site):
    ky = client.get("/ky/events/").content.decode()
    ru = client.get("/ru/events/").content.decode()
    assert ru.index("Родительское собрание 7-х классов") < ru.index("День открытых дверей")
    assert "Ачык эшиктер күнү" in ky and "Где" in ru and "Кайда" in ky


def test_events_that_are_over_are_not_listed(client, demo_site):
    page = events_page(demo_site)
    start = timezone.now() - datetime.timedelta(days=2)
    Event.objects.create(
        page=page,
        title_ky="Өткөн жыйын",
        title_ru="Прошедшее собрание",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )
    assert "Прошедшее собрание" not in client.get("/ru/events/").content.decode()


def test_calendar_file_has_every_event_with_uid_and_utc_times(client, demo_site):
    response = client.get("/ru/events/calendar.ics")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 3
    event = events_page(demo_site).events.order_by("start").first()
    assert f"UID:event-{event.pk}@localhost\r\n" in body
    utc_start = event.start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{utc_start}\r\n" in body
    assert "SUMMARY:Родительское собрание 7-х классов\r\n" in body


def test_calendar_text_is_escaped_as_rfc_5545_says():
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_letter():
    line = "SUMMARY:" + "Кыргызстан" * 20
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_calendar_times_are_written_in_utc():
    bishkek = datetime.timezone(datetime.timedelta(hours=6))
    start = datetime.datetime(2025, 9, 1, 9, 0, tzinfo=bishkek)
    calendar = render_calendar(
        [CalendarEvent(uid="e1@school", title="Линейка", start=start)],
        name="Иш-чаралар",
        now=start,
    )
    assert "DTSTART:20250901T030000Z\r\n" in calendar
    assert "DTEND" not in calendar


def test_an_event_cannot_end_before_it_starts(demo_site):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = Event(page=events_page(demo_site), title="x", start=start)
    event.end = start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        event.clean()

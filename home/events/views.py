"""What the calendar and event pages serve: month grid, archive, event, iCal."""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.events import grid, ical
from home.events.choices import EventCategory
from home.events.recurrence import next_occurrences, occurrences
from home.events.wording import describe_rule, short_month_note
from portal.page_cache import remember
from portal.paging import page_or_404

PAST_PER_PAGE = 30
FEED_DAYS_BACK, FEED_DAYS_AHEAD = 31, 366
ICAL_TYPE = "text/calendar; charset=utf-8"


def _category(params):
    value = params.get("category")
    if not value:
        return None
    if value not in EventCategory.values:
        raise Http404(_("There is no such event category."))
    return EventCategory(value)


def _events(page, category):
    events = page.live_events()
    if category:
        events = [event for event in events if event.category == category]
    return events


def _month_url(base, year, month, today, query):
    if not grid.in_window(year, today):
        return None
    return f"{base}{year}/{month:02d}/" + (f"?{query}" if query else "")


def _feed_urls(request, path):
    https = request.build_absolute_uri(path)
    return https, "webcal://" + https.split("://", 1)[1]


def month_view(page, request, year=None, month=None):
    today = timezone.localdate()
    if year is None:
        year, month = today.year, today.month
    else:
        year, month = int(year), int(month)
        if not 1 <= month <= 12:
            raise Http404(
                _("There is no month %(month)s: months run from 1 to 12.") % {"month": month}
            )
        if not grid.in_window(year, today):
            raise Http404(
                _("The calendar covers the years %(first)s to %(last)s.")
                % {"first": today.year - grid.YEAR_WINDOW, "last": today.year + grid.YEAR_WINDOW}
            )
    category = _category(request.GET)
    events = _events(page, category)
    # A pure function of the (remembered) events, the month, the filter and today.
    key = f"month-{page.pk}-{year}-{month}-{category or ''}-{today.isoformat()}"
    weeks = remember(key, lambda: grid.month_weeks(year, month, events, today))
    upcoming = remember(
        f"upcoming-{page.pk}-{category or ''}-{today.isoformat()}",
        lambda: grid.upcoming(events, today),
    )
    base = page.get_url(request)
    query = f"category={category.value}" if category else ""
    feed_url, webcal_url = _feed_urls(request, base + "ical/")
    return page.render(
        request,
        context_overrides={
            "month_start": datetime.date(year, month, 1),
            "weeks": weeks,
            "agenda": [day for week in weeks for day in week if day.in_month and day.occurrences],
            "is_this_month": (year, month) == (today.year, today.month),
            "this_month_url": base + (f"?{query}" if query else ""),
            "previous_url": _month_url(base, *grid.shift_month(year, month, -1), today, query),
            "next_url": _month_url(base, *grid.shift_month(year, month, 1), today, query),
            "previous_month": datetime.date(*grid.shift_month(year, month, -1), 1),
            "next_month": datetime.date(*grid.shift_month(year, month, 1), 1),
            "upcoming": upcoming,
            "categories": EventCategory.choices,
            "active_category": category,
            "month_path": request.path,
            "feed_url": feed_url,
            "webcal_url": webcal_url,
            "today": today,
        },
    )


def past_view(page, request):
    today = timezone.localdate()
    category = _category(request.GET)
    occurrences = page_or_404(
        grid.past(_events(page, category), today),
        PAST_PER_PAGE,
        request.GET.get("page"),
        _("There is no such page of past events."),
    )
    return page.render(
        request,
        template="home/event_calendar_past.html",
        context_overrides={
            "occurrences": occurrences,
            "categories": EventCategory.choices,
            "active_category": category,
            "filter_query": f"category={category.value}" if category else "",
        },
    )


def event_view(event, request):
    today = timezone.localdate()
    url = event.get_url(request)
    feed_url, webcal_url = _feed_urls(
        request, event.get_parent().specific.get_url(request) + "ical/"
    )
    upcoming = next_occurrences(event, today, 12)
    return event.render(
        request,
        context_overrides={
            "occurrences": upcoming,
            "rule_text": describe_rule(event),
            "short_month_note": short_month_note(event),
            "ical_url": url + "ical/",
            "feed_url": feed_url,
            "webcal_url": webcal_url,
        },
    )


def _ical_response(body, filename=None):
    response = HttpResponse(body, content_type=ICAL_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ical(event, request):
    """/events/<slug>/ical/: one event, to download into a calendar app."""
    url = request.build_absolute_uri(event.get_url(request))
    body = ical.calendar_bytes(event.title, [(event, url)])
    return _ical_response(body, f"event-{event.pk}.ics")


def calendar_ical(page, request):
    """/events/ical/: the feed to subscribe to, every event with an occurrence from a
    month ago to a year ahead, each with its whole rule."""
    today = timezone.localdate()
    start = today - datetime.timedelta(days=FEED_DAYS_BACK)
    end = today + datetime.timedelta(days=FEED_DAYS_AHEAD)
    pairs = [
        (event, request.build_absolute_uri(event.get_url(request)))
        for event in _events(page, None)
        if occurrences(event, start, end)
    ]
    return _ical_response(ical.calendar_bytes(page.title, pairs))

"""iCalendar (RFC 5545) files: one event to import (``<event>/ical/``) and every event of an
events index in its language, for calendar apps to subscribe to (``<index>/ical/``).

Times are given in the site's time zone (``TIME_ZONE``, Europe/Copenhagen here) with its
VTIMEZONE. The network's events take place on both sides of the border, and Europe/Berlin has
had the same rules as Europe/Copenhagen since 1980, so one zone serves every event. All-day
events are dates with an exclusive end (RFC 5545, 3.6.1): 17-18 January 2012 is
DTSTART 20120117, DTEND 20120119.
"""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.models import Site

from .taxonomy.models import industry_names

CONTENT_TYPE = "text/calendar; charset=utf-8"


def site_domain(request):
    """The host name in UIDs: the Wagtail site's, so that it does not change with the port or
    the address a visitor used."""
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().rsplit(":", 1)[0]


def event_uid(event, domain):
    # The same in every language: an event's translations are one event.
    return f"{event.translation_key}@{domain}"


def event_component(event, request, domain, names):
    zone = timezone.get_default_timezone()
    start = timezone.localtime(event.starts_at, zone)
    end = timezone.localtime(event.ends_at, zone)
    if event.all_day:
        # ends_at is the end of the last day; DTEND is the day after it.
        start, end = start.date(), end.date() + datetime.timedelta(days=1)
    stamp = event.last_published_at or timezone.now()
    categories = [names.get(item.tag_id, item.tag.name) for item in event.tagged_items.all()]
    return icalendar.Event.new(
        uid=event_uid(event, domain),
        stamp=stamp.astimezone(datetime.UTC),
        start=start,
        end=end,
        summary=event.title,
        description=event.summary or None,
        location=event.location or None,
        url=event.get_full_url(request),
        categories=categories or None,  # an empty list would still write CATEGORIES
    )


def build_calendar(events, request, *, name, uid, language):
    """A VCALENDAR of ``events`` with the VTIMEZONE their times refer to. The time zone is
    there even without events: a calendar needs at least one component."""
    events = list(events)
    zone = timezone.get_default_timezone()
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "Wagtail")
    calendar = icalendar.Calendar.new(
        prodid=f"-//{site_name}//Events//{language.upper()}", name=name, uid=uid
    )
    calendar.add("X-WR-TIMEZONE", zone.key)  # the zone Google Calendar shows a feed in
    years = [year for event in events for year in (event.starts_at.year, event.ends_at.year)]
    first, last = min(years, default=timezone.now().year), max(years, default=0)
    calendar.add_component(
        icalendar.Timezone.from_tzinfo(
            zone,
            tzid=zone.key,
            first_date=datetime.date(first, 1, 1),
            last_date=datetime.date(max(first, last) + 1, 1, 1),
        )
    )
    domain = site_domain(request)
    names = industry_names(language)
    for event in events:
        calendar.add_component(event_component(event, request, domain, names))
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_calendar(event, request):
    """The ``.ics`` of one event."""
    language = event.locale.language_code
    calendar = build_calendar(
        [event],
        request,
        name=event.title,
        uid=f"event-{event.pk}@{site_domain(request)}",
        language=language,
    )
    return calendar_response(calendar, f"{event.slug}.ics")


def index_calendar(index, request):
    """Every live event of an events index (its language), past and upcoming."""
    events = index.events().order_by("starts_at", "pk").prefetch_related("tagged_items__tag")
    calendar = build_calendar(
        events,
        request,
        name=index.title,
        uid=f"events-{index.pk}@{site_domain(request)}",
        language=index.locale.language_code,
    )
    return calendar_response(calendar, f"{index.slug}.ics")

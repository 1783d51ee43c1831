"""``/api/v3/events/``: the events of a language's events index, filtered as on the site,
upcoming or past, with each facet's counts when asked."""

from datetime import datetime
from typing import Literal

from django.db.models import Prefetch
from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.images.api.fields import ImageRenditionErrorDict

from ...api_fields import (
    IMAGE_RENDITION,
    Industry,
    ResponsiveImage,
    ResponsiveImageField,
    responsive_specs,
)
from ...choices import EventKind
from ...event_listing import split_events
from ...facets import facet_index
from ...models import EventIndexPage, EventPage
from .listings import (
    IndustryCount,
    Listing,
    ListingFilters,
    PageItem,
    asked_facets,
    chosen_industries,
    index_page_for,
    industries_of,
    industry_counts,
    page_item,
)
from .params import locale_for

router = Router(tags=["events"])

KindCode = Literal[tuple(EventKind.values)]


class EventItem(PageItem):
    starts_at: datetime
    ends_at: datetime
    all_day: bool
    kind: str
    kind_name: str = Field(description="The kind, named in the language.")
    location: str
    summary: str
    image: ResponsiveImage | ImageRenditionErrorDict | None
    industries: list[Industry]
    calendar_url: str | None = Field(description="The event as an iCalendar file.")


class KindCount(Schema):
    code: str
    name: str
    count: int = Field(description="Results of this kind instead.")


class EventFacets(Schema):
    industry: list[IndustryCount] | None = None
    kind: list[KindCount] | None = None


class EventListing(Listing):
    items: list[EventItem]
    facets: EventFacets | None = Field(
        None, description="Only when asked; upcoming and past events counted alike."
    )


class EventFilters(ListingFilters):
    kind: KindCode | None = None
    upcoming: bool | None = Field(
        None,
        description="true: events not yet over, soonest first; false: past ones, newest "
        "first; left out: both, upcoming first.",
    )
    facets: str = Field(
        "",
        pattern=r"^((industry|kind)(,(industry|kind))*)?$",
        description="Comma-separated facets whose counts to add: industry, kind.",
    )


@router.get(
    "/",
    response=EventListing,
    url_name="list_events",
    summary="List events",
    operation_id="events_list",
)
def list_events(request, filters: Query[EventFilters]):
    """The live, public workshops and networking events of a language's events index,
    filtered as on the site. An unknown industry is a 400."""
    locale = locale_for(filters.locale)
    code = locale.language_code
    index_page = index_page_for(EventIndexPage, locale, filters.index)
    with translation.override(code):
        index = facet_index(index_page, index_page.events_by_id, ["kind"], language_code=code)
        chosen = {
            "tag": chosen_industries(index, filters.industry),
            "kind": [filters.kind] if filters.kind else [],
        }
        selection = index.select(chosen, filters.match == "all")
        results = EventPage.objects.filter(pk__in=index.ids(selection.results))
        upcoming, past = split_events(results)
        ordered = {True: upcoming, False: past}.get(filters.upcoming)
        if ordered is None:  # both, as the site shows them
            ordered = list(upcoming.values_list("pk", flat=True)) + list(
                past.values_list("pk", flat=True)
            )
        else:
            ordered = list(ordered.values_list("pk", flat=True))
        shown = ordered[filters.offset : filters.offset + filters.limit]
        pages = with_cards(EventPage.objects.filter(pk__in=shown)).in_bulk()
        items = [event_item(pages[pk], index, request) for pk in shown if pk in pages]
        asked = asked_facets(filters.facets)
        facets = None
        if asked:
            facets = {
                "industry": industry_counts(index, selection) if "industry" in asked else None,
                "kind": kind_counts(selection) if "kind" in asked else None,
            }
    return {"locale": code, "count": len(ordered), "items": items, "facets": facets}


def with_cards(events):
    images = EventPage._meta.get_field("image").related_model.objects
    return events.select_related("locale").prefetch_related(
        Prefetch(
            "image", queryset=images.prefetch_renditions(IMAGE_RENDITION, *responsive_specs())
        ),
    )


def event_item(page, index, request):
    image = page.image and ResponsiveImageField(IMAGE_RENDITION).to_representation(page.image)
    if image and "alt" in image:
        image["alt"] = page.image_alt_text  # in the page's language
    item = page_item(page, request)
    return {
        **item,
        "starts_at": page.starts_at,
        "ends_at": page.ends_at,
        "all_day": page.all_day,
        "kind": page.kind,
        "kind_name": str(page.get_kind_display()),
        "location": page.location,
        "summary": page.summary,
        "image": image,
        "industries": industries_of(page, index),
        "calendar_url": item["html_url"] and item["html_url"] + page.reverse_subpage("ical"),
    }


def kind_counts(selection):
    counts = selection.counts["kind"]
    return [
        {"code": code, "name": str(name), "count": counts.get(code, 0)}
        for code, name in EventKind.choices
    ]

"""``/api/v3/clusters/``: the cluster directory as the index page shows it, with its filters
and, when asked, each facet's counts.

It reads the index's facet index (``facets.py``), so a filter costs the same few queries with
30 clusters as with 3,000: the page of cards and their logos.
"""

from typing import Literal

from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.images.api.fields import ImageRenditionErrorDict

from ...api_fields import (
    LOGO_RENDITION,
    Address,
    AddressField,
    Industry,
    ResponsiveImage,
    ResponsiveImageField,
)
from ...choices import Country
from ...facets import facet_index
from ...listing import MAX_QUERY_LENGTH, prefetch_for_cards, select_clusters
from ...models import ClusterIndexPage, ClusterPage
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

router = Router(tags=["clusters"])

CountryCode = Literal[tuple(Country.values)]


class ClusterItem(PageItem):
    address: Address
    website: str
    logo: ResponsiveImage | ImageRenditionErrorDict | None
    industries: list[Industry]
    focus_areas: str
    founded_year: int | None
    members_count: int | None


class CountryCount(Schema):
    code: str
    name: str
    count: int = Field(description="Results in this country instead.")


class Facets(Schema):
    industry: list[IndustryCount] | None = None
    country: list[CountryCount] | None = None


class ClusterListing(Listing):
    items: list[ClusterItem]
    facets: Facets | None = Field(None, description="Only when asked (``facets=``).")


class ClusterFilters(ListingFilters):
    country: CountryCode | None = None
    q: str = Field(
        "",
        max_length=MAX_QUERY_LENGTH,
        description="Words that must all be in the name, place, profile or industries.",
    )
    facets: str = Field(
        "",
        pattern=r"^((industry|country)(,(industry|country))*)?$",
        description="Comma-separated facets whose counts to add: industry, country.",
    )


@router.get(
    "/",
    response=ClusterListing,
    url_name="list_clusters",
    summary="List clusters",
    operation_id="clusters_list",
)
def list_clusters(request, filters: Query[ClusterFilters]):
    """The live, public clusters of a language's directory in alphabetical order, filtered
    as on the site, with the counts of each facet's options when asked. An unknown industry
    is a 400."""
    code, index, selection = _select(filters)
    with translation.override(code):
        results = index.results_of(selection.results)
        shown = results[filters.offset : filters.offset + filters.limit]
        pages = prefetch_for_cards(ClusterPage.objects.filter(pk__in=shown)).select_related(
            "locale"
        )
        pages = pages.in_bulk()
        items = [cluster_item(pages[pk], index, request) for pk in shown if pk in pages]
        asked = asked_facets(filters.facets)
        facets = None
        if asked:
            facets = {
                "industry": industry_counts(index, selection) if "industry" in asked else None,
                "country": country_counts(selection) if "country" in asked else None,
            }
    return {"locale": code, "count": len(results), "items": items, "facets": facets}


def _select(filters):
    """``(language code, facet index, selection)`` of the clusters ``filters`` ask for."""
    if "\x00" in filters.q:
        raise HttpError(400, "q must not contain null characters")
    locale = locale_for(filters.locale)
    code = locale.language_code
    index_page = index_page_for(ClusterIndexPage, locale, filters.index)
    with translation.override(code):
        index = facet_index(index_page, index_page.clusters, ["country"], language_code=code)
        chosen_tags = chosen_industries(index, filters.industry)
        _chosen, _within, selection = select_clusters(
            index,
            index_page,
            chosen_tags,
            filters.country or "",
            filters.q.strip(),
            filters.match == "all",
            code,
        )
    return code, index, selection


class PointGeometry(Schema):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="Longitude and latitude (WGS 84).")


class ClusterFeatureProperties(Schema):
    id: int
    title: str
    html_url: str | None
    city: str
    country: str


class ClusterFeature(Schema):
    type: Literal["Feature"] = "Feature"
    id: int
    geometry: PointGeometry
    properties: ClusterFeatureProperties


class ClusterFeatureCollection(Schema):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[ClusterFeature]


@router.get(
    "/geojson/",
    response=ClusterFeatureCollection,
    url_name="clusters_geojson",
    summary="Clusters on a map (GeoJSON)",
    operation_id="clusters_geojson",
)
def clusters_geojson(request, filters: Query[ClusterFilters]):
    """Every cluster of the listing with the same filters (``offset`` and ``limit`` aside:
    all of them) that has a location, as a GeoJSON FeatureCollection (RFC 7946): the map
    of the directory shows the same clusters as its list."""
    code, index, selection = _select(filters)
    with translation.override(code):
        ids = list(index.results_of(selection.results))
        pages = (
            ClusterPage.objects.filter(pk__in=ids, latitude__isnull=False, longitude__isnull=False)
            .only("title", "url_path", "city", "country", "latitude", "longitude")
            .in_bulk()
        )
        features = [
            {
                "id": page.pk,
                "geometry": {"coordinates": (page.longitude, page.latitude)},
                "properties": {
                    "id": page.pk,
                    "title": page.title,
                    "html_url": page.get_full_url(request),
                    "city": page.city,
                    "country": page.country,
                },
            }
            for page in (pages[pk] for pk in ids if pk in pages)
        ]
    return {"features": features}


def cluster_item(page, index, request):
    """A cluster as its card shows it; ``index``: the listing's facet index."""
    logo = page.logo and ResponsiveImageField(LOGO_RENDITION).to_representation(page.logo)
    return {
        **page_item(page, request),
        "address": AddressField().to_representation(page),
        "website": page.website,
        "logo": logo,
        "industries": industries_of(page, index),
        "focus_areas": page.focus_areas,
        "founded_year": page.founded_year,
        "members_count": page.members_count,
    }


def country_counts(selection):
    counts = selection.counts["country"]
    return [
        {"code": code, "name": str(name), "count": counts.get(code, 0)}
        for code, name in Country.choices
    ]

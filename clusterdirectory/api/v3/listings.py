"""What the plugin's v3 listings (clusters, events, case studies) share: their index page in
a language, the industry filter and its counts from the index's facet index, a page's links."""

from typing import Literal

from django.http import Http404
from django.urls import reverse
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.api.utils import get_full_url

from ...collation import sort_key
from .params import LanguageCode

MAX_LIMIT = 100
MAX_INTEGER = 2**63 - 1  # the largest id or offset the databases take


class ListingFilters(Schema):
    """The parameters every listing takes; each adds its own."""

    locale: LanguageCode | None = Field(
        None, description="The language (default: Accept-Language, else the default)."
    )
    industry: list[str] = Field(
        [], description="Industry slugs: pages with any of them (every one: match=all)."
    )
    match: Literal["any", "all"] = "any"
    index: int | None = Field(
        None, ge=1, le=MAX_INTEGER, description="The index page (default: the first)."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_INTEGER)


class Listing(Schema):
    """What every listing answers besides its items and facets."""

    locale: str
    count: int = Field(description="All results, on every page.")


class PageItem(Schema):
    """What every listing's item has."""

    id: int
    title: str
    slug: str
    locale: str
    html_url: str | None = Field(description="The page on the site.")
    detail_url: str = Field(description="The whole page: ``/api/v3/pages/{id}/``.")


class IndustryCount(Schema):
    slug: str
    name: str
    count: int = Field(description="Results when this industry is chosen too.")


def index_page_for(model, locale, index_id):
    """The first live, public ``model`` index in ``locale`` (or the one of ``index_id``)."""
    indexes = model.objects.live().public().filter(locale=locale)
    if index_id is not None:
        indexes = indexes.filter(pk=index_id)
    index_page = indexes.order_by("path").first()
    if index_page is None:
        raise Http404(f"no {model._meta.verbose_name} in {locale.language_code}")
    return index_page


def chosen_industries(index, slugs):
    """The industry slugs asked for, once each, empty ones left out as on the site; an
    unknown one is a 400."""
    chosen = list(dict.fromkeys(slug for slug in slugs if slug))
    unknown = sorted(set(chosen) - set(index.tag_slugs))
    if unknown:
        raise HttpError(400, f"unknown industry: {', '.join(unknown)}")
    return chosen


def asked_facets(text):
    return set(text.split(",")) - {""}


def industry_counts(index, selection):
    counts = selection.counts["tag"]
    found = [
        {"slug": tag.slug, "name": index.names.get(tag.pk, tag.name), "count": counts[tag.slug]}
        for tag in index.tags
        if tag.slug in counts
    ]
    return sorted(found, key=lambda industry: sort_key(industry["name"]))


def industries_of(page, index):
    """A page's industries as its listing's facet ``index`` knows them, named in the
    index's language, by name."""
    industries = [
        {"slug": tag.slug, "name": index.names.get(tag.pk, tag.name)}
        for tag in index.tags_of(page.pk)
    ]
    return sorted(industries, key=lambda industry: sort_key(industry["name"]))


def page_item(page, request):
    """A page's ``PageItem`` fields (``locale`` selected with it)."""
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "locale": page.locale.language_code,
        "html_url": page.get_full_url(request),
        "detail_url": get_full_url(request, detail),
    }

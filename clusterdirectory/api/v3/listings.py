"""What the plugin's v3 listings (clusters, events, case studies) share: their index page in
a language, the industry filter and its counts from the index's facet index, a page's links."""

from django.http import Http404
from django.urls import reverse
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.api.utils import get_full_url

MAX_LIMIT = 100
MAX_INTEGER = 2**63 - 1  # the largest id or offset the databases take


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
    return sorted(found, key=lambda industry: industry["name"].casefold())


def industries_of(page, names):
    """A page's industries (prefetched ``tagged_items__tag``) named by ``names``, by name."""
    industries = [
        {"slug": item.tag.slug, "name": names.get(item.tag_id, item.tag.name)}
        for item in page.tagged_items.all()
    ]
    return sorted(industries, key=lambda industry: industry["name"].casefold())


def page_links(page, request):
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return {"html_url": page.get_full_url(request), "detail_url": get_full_url(request, detail)}

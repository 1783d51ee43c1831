"""``/api/v3/industries/``: every industry tag, named in a language, with its pages."""

from django.utils import translation
from ninja import Router, Schema

from ..industries import industries_with_counts
from .params import LanguageCode, locale_for

router = Router(tags=["industries"])


class IndustryCounts(Schema):
    clusters: int
    events: int
    case_studies: int


class IndustryItem(Schema):
    slug: str
    name: str
    counts: IndustryCounts


class IndustryListing(Schema):
    locale: str
    count: int
    items: list[IndustryItem]


@router.get(
    "/",
    response=IndustryListing,
    url_name="list_industries",
    summary="List industries",
    operation_id="industries_list",
)
def list_industries(request, locale: LanguageCode | None = None):
    """Every industry tag with its name in ``locale`` (default: the request's language), by
    name, and how many live, public clusters, events and case studies in that language have
    it."""
    found = locale_for(locale)
    with translation.override(found.language_code):
        items = industries_with_counts(request, found)
    return {"locale": found.language_code, "count": len(items), "items": items}

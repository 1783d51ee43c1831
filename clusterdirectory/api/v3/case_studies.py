"""``/api/v3/case-studies/``: the case studies of a language's index, newest first, filtered
by industry as on the site, with the industries' counts when asked."""

from datetime import datetime
from typing import Literal

from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field

from ...api_fields import Industry
from ...facets import facet_index
from ...models import CaseStudyIndexPage, CaseStudyPage
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

router = Router(tags=["case studies"])


class CaseStudyItem(PageItem):
    first_published_at: datetime | None
    aim: str
    summary: str
    industries: list[Industry]


class CaseStudyFacets(Schema):
    industry: list[IndustryCount] | None = None


class CaseStudyListing(Listing):
    items: list[CaseStudyItem]
    facets: CaseStudyFacets | None = Field(None, description="Only when asked (``facets=``).")


class CaseStudyFilters(ListingFilters):
    facets: Literal["", "industry"] = Field("", description="industry: add its counts.")


@router.get(
    "/",
    response=CaseStudyListing,
    url_name="list_case_studies",
    summary="List case studies",
    operation_id="case_studies_list",
)
def list_case_studies(request, filters: Query[CaseStudyFilters]):
    """The live, public cross-border case studies of a language's index, newest first,
    filtered by industry as on the site. An unknown industry is a 400."""
    locale = locale_for(filters.locale)
    code = locale.language_code
    index_page = index_page_for(CaseStudyIndexPage, locale, filters.index)
    with translation.override(code):
        index = facet_index(index_page, index_page.case_studies, language_code=code)
        chosen = {"tag": chosen_industries(index, filters.industry)}
        selection = index.select(chosen, filters.match == "all")
        results = index.results_of(selection.results)
        shown = results[filters.offset : filters.offset + filters.limit]
        pages = CaseStudyPage.objects.filter(pk__in=shown).select_related("locale").in_bulk()
        items = [case_study_item(pages[pk], index, request) for pk in shown if pk in pages]
        facets = None
        if asked_facets(filters.facets):
            facets = {"industry": industry_counts(index, selection)}
    return {"locale": code, "count": len(results), "items": items, "facets": facets}


def case_study_item(page, index, request):
    return {
        **page_item(page, request),
        "first_published_at": page.first_published_at,
        "aim": page.aim,
        "summary": page.summary,
        "industries": industries_of(page, index),
    }

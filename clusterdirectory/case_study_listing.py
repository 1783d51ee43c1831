"""The case-study index listing: industry filter from the query string, facet counts,
pagination; and the related case studies a case study page shows.

Every query here runs once per request, whatever the number of case studies.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q

from .conf import get_setting
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_counts, tag_facets
from .taxonomy.models import industry_names, industry_tags

RELATED_CASE_STUDIES = 3


class CaseStudyFilterForm(IndustryFilterForm):
    """Case studies are filtered by industry only."""


def filter_case_studies(queryset, tags=()):
    """Case studies having all ``tags`` (slugs)."""
    return having_tags(queryset, tags)


def case_study_listing(index_page, request):
    """Template context for the case-study index: the filter form, facets and one page of
    cards, newest first."""
    all_case_studies = index_page.case_studies()
    names = industry_names()
    tags_known = industry_tags()
    form = CaseStudyFilterForm(request.GET, [tag.slug for tag in tags_known])
    if form.is_valid():
        tags = form.cleaned_data["tag"]
        results = facet_base = filter_case_studies(all_case_studies, tags)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags = []
        facet_base = all_case_studies
        results = all_case_studies.none()
    case_studies = Paginator(results, get_setting("CASE_STUDIES_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    return {
        "filter_form": form,
        "is_filtered": bool(tags) or not form.is_valid(),
        "tag_facets": tag_facets(tag_counts(all_case_studies, facet_base), tags, names, tags_known),
        "case_studies": case_studies,
        "industry_names": names,
    }


def related_case_studies(page, tag_ids, limit=RELATED_CASE_STUDIES):
    """Live, public case studies in ``page``'s language sharing industry tags (``tag_ids``)
    with it: most shared tags first, then the newest. One query."""
    if not tag_ids or limit <= 0:
        return []
    return list(
        type(page)
        .objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .annotate(
            shared_tag_count=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            )
        )
        .filter(shared_tag_count__gt=0)
        .order_by("-shared_tag_count", "-first_published_at", "-pk")[:limit]
    )

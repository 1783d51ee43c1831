"""The case-study index listing: industry filter from the query string, facet counts,
pagination; and the related case studies a case study page shows.

Every query here runs once per request, whatever the number of case studies.
"""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import get_language

from .conf import get_setting
from .facets import facet_index, removal_links
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_facets

RELATED_CASE_STUDIES = 3


class CaseStudyFilterForm(IndustryFilterForm):
    """Case studies are filtered by industry only."""


def filter_case_studies(queryset, tags=(), match_all=True):
    """Case studies having all ``tags`` (slugs; any of them when not ``match_all``)."""
    return having_tags(queryset, tags, match_all)


def case_study_listing(index_page, request):
    """Template context for the case-study index: the filter form, facets and one page of
    cards, newest first."""
    index = facet_index(index_page, index_page.case_studies, language_code=get_language())
    form = CaseStudyFilterForm(request.GET, index.tag_slugs)
    if form.is_valid():
        tags = form.cleaned_data["tag"]
        selection = index.select({"tag": tags}, form.match_all)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags = []
        selection = index.select({})._replace(results=0)
    case_studies = Paginator(
        index.results_of(selection.results), get_setting("CASE_STUDIES_PER_PAGE")
    ).get_page(request.GET.get("page"))
    case_study_model = apps.get_model("clusterdirectory", "CaseStudyPage")  # the models import this
    shown = case_study_model.objects.filter(pk__in=case_studies.object_list).in_bulk()
    case_studies.object_list = [shown[pk] for pk in case_studies.object_list if pk in shown]
    hints = []
    if form.is_valid() and not selection.results:
        found = index.without_each({"tag": tags}, form.match_all)
        hints = removal_links(request.GET, index, found)
    return {
        "filter_form": form,
        "is_filtered": bool(tags) or not form.is_valid(),
        "filter_count": len(tags),
        "tag_facets": tag_facets(selection.counts["tag"], tags, index.names, index.tags),
        "case_studies": case_studies,
        "industry_names": index.names,
        "removal_links": hints,
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

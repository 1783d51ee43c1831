"""The industries listing both API versions answer."""

from django.db.models import Count
from wagtail.api.querysets import get_public_pages_queryset

from ..collation import sort_key
from ..taxonomy.models import (
    CaseStudyPageTag,
    ClusterPageTag,
    EventPageTag,
    IndustryTag,
    industry_names,
)

COUNTED = {"clusters": ClusterPageTag, "events": EventPageTag, "case_studies": CaseStudyPageTag}


def industries_with_counts(request, locale):
    """Every industry tag as ``{slug, name, counts: {clusters, events, case_studies}}``, named
    in ``locale`` and sorted by that name, counting the live, public pages of the request's
    site in that language."""
    names = industry_names(locale=locale)
    public = get_public_pages_queryset(request).filter(locale=locale).values("pk")
    counts = {
        key: dict(
            through.objects.filter(content_object__in=public)
            .values_list("tag_id")
            .annotate(n=Count("content_object_id"))
        )
        for key, through in COUNTED.items()
    }
    items = [
        {
            "slug": tag.slug,
            "name": names.get(tag.pk, tag.name),
            "counts": {key: counts[key].get(tag.pk, 0) for key in COUNTED},
        }
        for tag in IndustryTag.objects.order_by("slug")
    ]
    return sorted(items, key=lambda item: sort_key(item["name"]))

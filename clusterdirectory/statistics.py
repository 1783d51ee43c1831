"""Counts for the statistics block: live, public clusters of one language per industry and
per country. A handful of queries, whatever the number of clusters."""

from django.db.models import Count
from django.utils import translation

from .choices import Country
from .collation import sort_key
from .models import ClusterPage, ClusterPageTag
from .taxonomy.models import industry_names


def clusters_per_industry(clusters, locale):
    """``[{slug, name, count}]``, most clusters first, then by name in ``locale``'s language."""
    rows = (
        ClusterPageTag.objects.filter(content_object__in=clusters)
        .values("tag_id", "tag__slug", "tag__name")
        .annotate(count=Count("content_object_id", distinct=True))
        .order_by()
    )
    names = industry_names(locale=locale)
    items = [
        {
            "slug": row["tag__slug"],
            "name": names.get(row["tag_id"], row["tag__name"]),
            "count": row["count"],
        }
        for row in rows
    ]
    return sorted(items, key=lambda item: (-item["count"], sort_key(item["name"])))


def clusters_per_country(clusters, language_code):
    """``[{code, name, count}]`` for every country the directory knows, in its order."""
    counts = dict(clusters.order_by().values_list("country").annotate(n=Count("pk")))
    with translation.override(language_code):
        return [
            {"code": code, "name": str(label), "count": counts.get(code, 0)}
            for code, label in Country.choices
        ]


def cluster_statistics(locale, industries=True, countries=True):
    """What the statistics block shows for ``locale``; a part not asked for is None."""
    clusters = ClusterPage.live_in(locale)
    return {
        "language": locale.language_code,
        "total": clusters.count(),
        "industries": clusters_per_industry(clusters, locale) if industries else None,
        "countries": clusters_per_country(clusters, locale.language_code) if countries else None,
    }

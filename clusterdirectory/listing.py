"""The cluster index listing: filters from the query string, facet counts, pagination.

Every query here runs once per request, whatever the number of clusters; the facet counts,
which scan every cluster of the index, are kept per filter until content changes
(``cache.py``).
"""

import json

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .cache import cached
from .choices import Country
from .conf import get_setting
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_counts, tag_facets, through_model
from .taxonomy.models import IndustryTagName, industry_names, industry_tags

MAX_QUERY_LENGTH = 200
# The rendition cards show; keep in step with includes/cluster_card.html.
LOGO_FILTER = "max-240x120"


class ClusterFilterForm(IndustryFilterForm):
    field_order = ["q", "tag", "country"]  # the order of error messages

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=[("", _("All countries")), *Country.choices],
        error_messages={"invalid_choice": _("There is no country called “%(value)s”.")},
    )

    def other_data(self, params):
        return {"q": params.get("q", ""), "country": params.get("country", "").upper()}


def search_clusters(queryset, text, language_code):
    """Clusters matching every word of ``text`` in their name, place, profile or industries."""
    for word in text.split():
        tag_ids = IndustryTagName.objects.filter(
            name__icontains=word, locale__language_code=language_code
        ).values("tag_id")
        tagged = (
            through_model(queryset.model)
            .objects.filter(Q(tag__name__icontains=word) | Q(tag_id__in=tag_ids))
            .values("content_object_id")
        )
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(city__icontains=word)
            | Q(focus_areas__icontains=word)
            | Q(members_description__icontains=word)
            | Q(description__icontains=word)
            | Q(pk__in=tagged)
        )
    return queryset


def filter_clusters(queryset, tags=(), country="", text="", language_code=None):
    """Clusters having all ``tags``, in ``country``, matching ``text``; each optional."""
    queryset = having_tags(queryset, tags)
    if text:
        queryset = search_clusters(queryset, text, language_code or get_language())
    if country:
        queryset = queryset.filter(country=country)
    return queryset


def country_counts(results_in_any_country):
    return dict(results_in_any_country.order_by().values_list("country").annotate(n=Count("pk")))


def country_facets(counts, selected):
    return [
        {"code": code, "label": label, "count": counts.get(code, 0), "selected": code == selected}
        for code, label in Country.choices
    ]


def facet_counts(index_page, all_clusters, tags, country, text):
    """The counts of a filter's facets: results per country whatever the country chosen, and
    per tag, among ``all_clusters`` (the index's). Counting scans every cluster of the index,
    so the answer is kept until content changes."""
    language_code = get_language()

    def compute():
        any_country = filter_clusters(all_clusters, tags, text=text, language_code=language_code)
        results = filter_clusters(any_country, country=country)
        return {
            "countries": country_counts(any_country),
            "tags": tag_counts(all_clusters, results),
        }

    key = json.dumps(["facets", index_page.pk, language_code, sorted(tags), country, text])
    return cached(key, compute)


def prefetch_for_cards(clusters):
    """``clusters`` with what their cards show (tags, logo rendition) in two more queries."""
    logos = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
    tagged = through_model(clusters.model).objects.select_related("tag")
    return clusters.prefetch_related(
        Prefetch("tagged_items", queryset=tagged),
        Prefetch("logo", queryset=logos),
    )


def cluster_listing(index_page, request):
    """Template context for the cluster index: the filter form, facets and one page of
    clusters."""
    names = industry_names()
    tags_known = industry_tags()
    form = ClusterFilterForm(request.GET, [tag.slug for tag in tags_known])
    all_clusters = index_page.clusters()
    if form.is_valid():
        tags, country, text = (form.cleaned_data[k] for k in ("tag", "country", "q"))
        results = filter_clusters(all_clusters, tags, country, text)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags, country, text = [], "", ""
        results = all_clusters.none()
    counts = facet_counts(index_page, all_clusters, tags, country, text)
    clusters = Paginator(prefetch_for_cards(results), get_setting("CLUSTERS_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    return {
        "filter_form": form,
        "is_filtered": bool(tags or country or text) or not form.is_valid(),
        "tag_facets": tag_facets(counts["tags"], tags, names, tags_known),
        "country_facets": country_facets(counts["countries"], country),
        "clusters": clusters,
        "industry_names": names,
    }

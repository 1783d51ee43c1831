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
from .conf import get_setting
from .models import (
    ClusterPageTag,
    Country,
    IndustryTagName,
    industry_names,
    industry_tags,
)

MAX_QUERY_LENGTH = 200
# The rendition cards show; keep in step with includes/cluster_card.html.
LOGO_FILTER = "max-240x120"


class IndustryFilterForm(forms.Form):
    """A listing's filter by industry tags (``?tag=a&tag=b``, slugs among ``tag_slugs``). The
    cluster, event and case-study indexes extend it with their own fields, which they read
    from the query string in ``other_data()``."""

    tag = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        error_messages={"invalid_choice": _("There is no industry called “%(value)s”.")},
    )

    def __init__(self, params, tag_slugs):
        # Empty and repeated values are harmless; drop them rather than complain.
        tags = list(dict.fromkeys(t for t in params.getlist("tag") if t))
        super().__init__({**self.other_data(params), "tag": tags})
        self.fields["tag"].choices = [(slug, slug) for slug in tag_slugs]

    def other_data(self, params):
        """The form's data besides the tags, from the query string ``params``."""
        return {}


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
        tagged = ClusterPageTag.objects.filter(
            Q(tag__name__icontains=word) | Q(tag_id__in=tag_ids)
        ).values("content_object_id")
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
    for slug in tags:
        queryset = queryset.filter(
            pk__in=ClusterPageTag.objects.filter(tag__slug=slug).values("content_object_id")
        )
    if text:
        queryset = search_clusters(queryset, text, language_code or get_language())
    if country:
        queryset = queryset.filter(country=country)
    return queryset


def tag_counts(through, all_pages, results):
    """For every tag used by ``all_pages`` (tagged through ``through``, e.g. ClusterPageTag),
    how many ``results`` have it, that is how many adding it as a filter would leave."""
    return dict(
        through.objects.filter(content_object__in=all_pages)
        .values_list("tag_id")
        .annotate(n=Count("content_object_id", filter=Q(content_object__in=results)))
        .order_by()
    )


def tag_facets(counts, selected, names, tags):
    """The filter's tag choices: each of ``tags`` that ``counts`` (``tag_counts()``) knows,
    named in the visitor's language, by name. Shared by the cluster, event and case-study
    indexes."""
    facets = [
        {
            "slug": tag.slug,
            "label": names.get(tag.pk, tag.name),
            "count": counts[tag.pk],
            "selected": tag.slug in selected,
        }
        for tag in tags
        if tag.pk in counts
    ]
    return sorted(facets, key=lambda facet: facet["label"].casefold())


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
            "tags": tag_counts(ClusterPageTag, all_clusters, results),
        }

    key = json.dumps(["facets", index_page.pk, language_code, sorted(tags), country, text])
    return cached(key, compute)


def cluster_cards(clusters):
    """``clusters`` with what their cards show (tags, logo rendition) in two more queries."""
    logos = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
    return clusters.prefetch_related(
        Prefetch("tagged_items", queryset=ClusterPageTag.objects.select_related("tag")),
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
    clusters = Paginator(cluster_cards(results), get_setting("CLUSTERS_PER_PAGE")).get_page(
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

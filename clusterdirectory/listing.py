"""The cluster index listing: filters from the query string, facet counts, pagination.

Every query here runs once per request, whatever the number of clusters. What scans every
cluster of the index (which have each tag, which are in each country, their order; which
match a search text) is kept until content changes (``cache.py``), so that a filter never
asked before costs set arithmetic and, with a search text never asked before, one query.
"""

import functools
import json
from operator import or_
from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .cache import cached
from .choices import Country
from .collation import sort_key
from .conf import get_setting
from .facets import facet_index, removal_links
from .maps import map_data
from .place_names import alternatives
from .spelling import expanded, found_in, spellings, words
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_facets, through_model
from .taxonomy.models import industry_label, industry_names, industry_tags
from .text import rich_text_to_text

MAX_QUERY_LENGTH = 200
# What a card shows of its cluster; keep in step with includes/cluster_card.html.
LOGO_FILTER = "max-240x120"
CARD_FIELDS = ("title", "url_path", "city", "country", "logo")


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


# A cluster matches a word found in one of these fields or in the name of one of its tags.
SEARCHED_FIELDS = ("title", "city", "focus_areas", "members_description", "description")


def cluster_search_text(cluster):
    """The text a cluster is searched in, in the spellings visitors use (its
    ``search_text``, kept up to date when the page is saved)."""
    values = [getattr(cluster, name) or "" for name in SEARCHED_FIELDS]
    values[-1] = rich_text_to_text(values[-1])  # the description's words, not its markup
    return spellings(*values)


def in_fields(term):
    """Clusters having one of ``term``'s spellings in their searched fields."""
    return functools.reduce(or_, (Q(search_text__contains=form) for form in sorted(term)))


def tags_named(term, language_code):
    """The ids of the tags whose name, or name in the language, has one of ``term``'s
    spellings."""
    names = industry_names(language_code)
    return [
        tag.pk
        for tag in industry_tags()
        if found_in(term, spellings(tag.name, names.get(tag.pk, "")))
    ]


def search_clusters(queryset, text, language_code):
    """Clusters matching every word of ``text`` in their name, place, profile or industries."""
    for term in alternatives(text).values():
        tagged = (
            through_model(queryset.model)
            .objects.filter(tag_id__in=tags_named(term, language_code))
            .values("content_object_id")
        )
        queryset = queryset.filter(in_fields(term) | Q(pk__in=tagged))
    return queryset


def filter_clusters(queryset, tags=(), country="", text="", language_code=None):
    """Clusters having all ``tags``, in ``country``, matching ``text``; each optional."""
    queryset = having_tags(queryset, tags)
    if text:
        queryset = search_clusters(queryset, text, language_code or get_language())
    if country:
        queryset = queryset.filter(country=country)
    return queryset


def country_facets(counts, selected):
    return [
        {"code": code, "label": label, "count": counts.get(code, 0), "selected": code == selected}
        for code, label in Country.choices
    ]


def prefetch_for_cards(clusters):
    """``clusters`` with the logo rendition their cards show, in one more query."""
    logos = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
    return clusters.prefetch_related(Prefetch("logo", queryset=logos))


def with_tags(clusters):
    """``clusters`` with their industry tags, in one more query (where no facet index
    knows them)."""
    tagged = through_model(clusters.model).objects.select_related("tag")
    return clusters.prefetch_related(Prefetch("tagged_items", queryset=tagged))


class Card(NamedTuple):
    """What a cluster's card shows: the page and its industries' names, by name."""

    cluster: object
    industries: list


def cards_for(clusters, names):
    """Cards for ``clusters`` (fetched ``with_tags()``), industries named by ``names``."""
    return [
        Card(cluster, names_of([item.tag for item in cluster.tagged_items.all()], names))
        for cluster in clusters
    ]


def names_of(tags, names):
    """The names of ``tags`` in ``names``' language, by name."""
    return sorted((industry_label(tag, names) for tag in tags), key=sort_key)


def cluster_model():
    # By name: the listing is imported by the models.
    return apps.get_model("clusterdirectory", "ClusterPage")


def matching_text(index, index_page, text, language_code):
    """The bit set of ``index``'s clusters matching every word of ``text``, like
    ``search_clusters()`` but in one query: tag names are matched in ``index``. Kept until
    content changes: visitors search the same words again with other filters."""

    def compute():
        terms = list(alternatives(text).values())
        tagged = [index.tagged(term) for term in terms]
        clusters = cluster_model().objects.child_of(index_page)
        # A word no tag's name has must be in the fields; for the others, the query says per
        # cluster whether they are.
        either = []  # (term, the clusters with a tag having it)
        for term, with_tag in zip(terms, tagged, strict=True):
            if with_tag:
                either.append((term, with_tag))
            else:
                clusters = clusters.filter(in_fields(term))
        flags = {
            f"has_word_{n}": ExpressionWrapper(in_fields(term), output_field=BooleanField())
            for n, (term, _with_tag) in enumerate(either)
        }
        matching = 0
        for pk, *has in clusters.order_by().annotate(**flags).values_list("pk", *flags):
            bit = 1 << index.position[pk] if pk in index.position else 0
            by_tag = [with_tag & bit for _term, with_tag in either]
            if all(found or tag for found, tag in zip(has, by_tag, strict=True)):
                matching |= bit
        return matching

    # One key for "Wind", "wind" and "\"wind\"": the same search.
    key = json.dumps(["text", 2, index_page.pk, language_code, sorted(map(expanded, words(text)))])
    return cached(key, compute)


def select_clusters(index, index_page, tags, country, text, match_all, language_code):
    """``(chosen, within, selection)``: the clusters of ``index`` (``facet_index()`` of
    ``index_page``) with any of ``tags`` (every one if ``match_all``), in ``country`` and
    matching ``text``, each optional, with the facets' counts."""
    chosen = {"tag": list(tags), "country": [country] if country else []}
    # Text narrows every facet's counts, so it is searched across the index.
    within = matching_text(index, index_page, text, language_code) if words(text) else None
    return chosen, within, index.select(chosen, match_all, within)


def cluster_listing(index_page, request):
    """Template context for the cluster index: the filter form, facets and one page of
    clusters."""
    index = facet_index(index_page, index_page.clusters, ["country"], language_code=get_language())
    form = ClusterFilterForm(request.GET, index.tag_slugs)
    if form.is_valid():
        tags, country, text = (form.cleaned_data[k] for k in ("tag", "country", "q"))
        chosen, within, selection = select_clusters(
            index, index_page, tags, country, text, form.match_all, get_language()
        )
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags, country, text, chosen, within = [], "", "", {}, None
        selection = index.select({})._replace(results=0)
    results = index.results_of(selection.results)
    clusters = Paginator(results, get_setting("CLUSTERS_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    # Only what the cards show: a page has some sixty columns, and reading them all took
    # as long as the rest of the listing's context (docs/performance.md).
    shown = cluster_model().objects.filter(pk__in=clusters.object_list).only(*CARD_FIELDS)
    shown = prefetch_for_cards(shown).in_bulk()
    # The index knows each cluster's industries: no query for the cards' tags.
    cards = [
        Card(shown[pk], names_of(index.tags_of(pk), index.names))
        for pk in clusters.object_list
        if pk in shown
    ]
    clusters.object_list = [card.cluster for card in cards]
    hints = []
    if form.is_valid() and not results:
        found = index.without_each(chosen, form.match_all, within)
        hints = removal_links(request.GET, index, found, {"country": Country.choices}, text)
    return {
        "filter_form": form,
        "is_filtered": bool(tags or country or text) or not form.is_valid(),
        "filter_count": len(tags) + bool(country) + bool(text),
        "tag_facets": tag_facets(selection.counts["tag"], tags, index.names, index.tags),
        "country_facets": country_facets(selection.counts["country"], country),
        "clusters": clusters,
        "cards": cards,
        "industry_names": index.names,
        "removal_links": hints,
        "follow_url": follow_url(index_page, request, tags, country),
        "map": cluster_map(index_page, request),
    }


def cluster_map(index_page, request):
    """What the map of the listing needs (``includes/cluster_map.html``): the API's GeoJSON
    of the same filter, the basemap and any tiles; ``None`` where the site has no Leaflet."""
    data = map_data()
    if data is None:
        return None
    query = [(key, value) for key, value in request.GET.lists() for value in value]
    query = [
        ("industry" if key == "tag" else key, value.upper() if key == "country" else value)
        for key, value in query
        if key in ("tag", "country", "q", "match") and value
    ]
    query += [("locale", get_language()), ("index", index_page.pk)]  # the page's language
    try:
        geojson = reverse("wagtailapi_v3:clusters_geojson")
    except NoReverseMatch:  # a site without the API has no map
        return None
    geojson += "?" + urlencode(query)
    return {"geojson_url": geojson, **data}


def follow_url(index_page, request, tags=(), country=""):
    """The follow form, filled with the industries and country of the filter."""
    query = urlencode([("tag", tag) for tag in tags] + ([("country", country)] if country else []))
    base = index_page.get_url(request)
    return (
        base + index_page.reverse_subpage("follow") + (f"?{query}" if query else "") if base else ""
    )

"""The cluster index listing: filters from the query string, facet counts, pagination.

Every query here runs once per request, whatever the number of clusters; the ones that count
or sort every cluster run once per filter until content changes (``cache.py``).
"""

import json
from functools import partial
from operator import getitem

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Site

from .cache import ObjectsById, cached, directory_cache
from .conf import get_setting
from .models import (
    ClusterPage,
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


def filtered_directory(index_page, tags, country, text):
    """The ids of the clusters matching a filter (by title) with the counts of its facets:
    results per country whatever the country chosen, and per tag. Counting scans every
    cluster of the index, so the answer is kept until content changes."""
    language_code = get_language()

    def compute():
        all_clusters = index_page.clusters()
        any_country = filter_clusters(all_clusters, tags, text=text, language_code=language_code)
        results = filter_clusters(any_country, country=country)
        return {
            "ids": list(results.values_list("pk", flat=True)),
            "countries": country_counts(any_country),
            "tags": tag_counts(ClusterPageTag, all_clusters, results),
        }

    key = json.dumps(["directory", index_page.pk, language_code, sorted(tags), country, text])
    return cached(key, compute)


def cluster_listing(index_page, request):
    """Template context for the cluster index: the filter form, facets and one page of cards,
    computed when the template first looks at them; a directory kept by ``{% directorycache
    %}`` looks at none."""
    listing = SimpleLazyObject(lambda: _cluster_listing(index_page, request))
    return {key: SimpleLazyObject(partial(getitem, listing, key)) for key in LISTING_KEYS}


LISTING_KEYS = (
    "filter_form",
    "is_filtered",
    "tag_facets",
    "country_facets",
    "clusters",
    "cards",
    "industry_names",
)


def _cluster_listing(index_page, request):
    names = industry_names()
    tags_known = industry_tags()
    form = ClusterFilterForm(request.GET, [tag.slug for tag in tags_known])
    if form.is_valid():
        tags, country, text = (form.cleaned_data[k] for k in ("tag", "country", "q"))
        directory = filtered_directory(index_page, tags, country, text)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags, country, text = [], "", ""
        directory = {**filtered_directory(index_page, [], "", ""), "ids": []}

    clusters = Paginator(directory["ids"], get_setting("CLUSTERS_PER_PAGE")).get_page(
        request.GET.get("page")
    )
    clusters.object_list = ObjectsById(clusters.object_list, ClusterPage.objects.all())
    return {
        "filter_form": form,
        "is_filtered": bool(tags or country or text) or not form.is_valid(),
        "tag_facets": tag_facets(directory["tags"], tags, names, tags_known),
        "country_facets": country_facets(directory["countries"], country),
        "clusters": clusters,
        "cards": cluster_cards(clusters.object_list, request, names),
        "industry_names": names,
    }


def cluster_cards(clusters, request, names):
    """The card of each of ``clusters`` (``ObjectsById``) as HTML, in their order. A card
    shows the cluster's logo, place and tags named in the visitor's language; rendering a
    dozen costs more than the rest of the page, so each is kept until content changes."""
    site = Site.find_for_request(request)
    language_code = get_language()
    by_name = {f"card:{site and site.pk}:{language_code}:{pk}": pk for pk in clusters.ids}

    def render(missing):
        pages = clusters.fetch([by_name[name] for name in missing])
        logos = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
        prefetch_related_objects(
            pages,
            Prefetch("tagged_items", queryset=ClusterPageTag.objects.select_related("tag")),
            Prefetch("logo", queryset=logos),
        )
        names_of = {pk: name for name, pk in by_name.items()}
        return {
            names_of[page.pk]: render_to_string(
                "clusterdirectory/includes/cluster_card.html",
                {"cluster": page, "industry_names": names},
                request=request,
            )
            for page in pages
        }

    cards = directory_cache.get_many_or_compute(list(by_name), render)
    # Our own template's output.
    return [mark_safe(cards[name]) for name in by_name if name in cards]  # noqa: S308

"""The site search: every page type in the visitor's language, filterable by industry."""

import re
from collections import defaultdict

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from clusterdirectory.collation import sort_key
from clusterdirectory.models import (
    CaseStudyPage,
    ClusterPage,
    EventPage,
    IndustryTag,
    NewsPage,
    industry_label,
    industry_names,
)
from clusterdirectory.taxonomy.filters import having_tags, tagged_item_models, through_model

from .excerpts import excerpt

MAX_QUERY_LENGTH = 200
MAX_TAGS = 20
RESULTS_PER_PAGE = 10
TYPE_LABELS = {
    ClusterPage: _("Cluster"),
    EventPage: _("Event"),
    NewsPage: _("News"),
    CaseStudyPage: _("Case study"),
}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The search backends get words only: SQLite's full-text search reads quotes, "*" or
# "NEAR(" in a term as its own syntax and fails.
WORD = re.compile(r"\w+")


def shorten(text, length=MAX_QUERY_LENGTH):
    """Over-long text is cut, not refused: before the word the limit falls in, if any."""
    if len(text) <= length:
        return text
    cut = text[:length]
    if not text[length].isspace():
        whole_words, _space, _partial = cut.rpartition(" ")
        cut = whole_words or cut
    return cut


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    tag = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        error_messages={"invalid_choice": _("There is no industry called “%(value)s”.")},
    )

    def __init__(self, params, tag_slugs):
        text = shorten(CONTROL_CHARACTERS.sub("", params.get("q", "")))
        # Control characters out: PostgreSQL refuses NUL in a query parameter.
        tags = [CONTROL_CHARACTERS.sub("", slug)[:100] for slug in params.getlist("tag")[:MAX_TAGS]]
        tags = [slug for slug in tags if slug]
        super().__init__({"q": text, "tag": list(dict.fromkeys(tags))})
        self.fields["tag"].choices = [(slug, slug) for slug in tag_slugs]


def search_terms(text):
    return " ".join(WORD.findall(text))


def search_pages(text, tags, locale):
    """Live, public pages in ``locale`` having every tag in ``tags`` and matching ``text``
    (best matches first; without text, the newest first), as specific pages."""
    pages = having_tags(Page.objects.live().public().filter(locale=locale), tags)
    pages = pages.specific()  # with their bodies: the results quote them
    terms = search_terms(text)
    if terms:
        return pages.search(terms)
    return pages.order_by("-first_published_at", "-pk")


def tag_options(locale, selected, names):
    """The tags used by live pages in ``locale`` (and any selected), with their names."""
    used = Q()
    for through in tagged_item_models():
        used |= Q(
            Exists(
                through.objects.filter(
                    tag=OuterRef("pk"),
                    content_object__live=True,
                    content_object__locale=locale,
                )
            )
        )
    tags = IndustryTag.objects.filter(used | Q(slug__in=selected))
    options = [
        {"slug": tag.slug, "label": industry_label(tag, names), "selected": tag.slug in selected}
        for tag in tags
    ]
    return sorted(options, key=lambda option: sort_key(option["label"]))


def describe_results(pages, names, words=()):
    """What a result shows: its type, the passage with the searched ``words`` (or its
    summary) and its industries, in one query per page type."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, items in by_type.items():
        if through := through_model(model):
            tags = through.objects.select_related("tag")
            prefetch_related_objects(items, Prefetch("tagged_items", queryset=tags))
    return [
        {
            "page": page,
            "type": TYPE_LABELS.get(type(page), _("Page")),
            "summary": excerpt(page, words),
            "industries": [
                industry_label(item.tag, names)
                for item in (page.tagged_items.all() if through_model(type(page)) else ())
            ],
        }
        for page in pages
    ]


@require_safe
def search(request):
    locale = Locale.get_active()
    form = SearchForm(request.GET, IndustryTag.objects.values_list("slug", flat=True))
    names = industry_names(locale=locale)
    results = None  # no search yet: the page asks for words or an industry
    if form.is_valid():
        text, tags = form.cleaned_data["q"], form.cleaned_data["tag"]
        if search_terms(text) or tags:
            results = Paginator(search_pages(text, tags, locale), RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            )
    else:  # an unknown industry: the form says so, nothing is searched
        text = form.data["q"]
    return render(
        request,
        "home/search.html",
        {
            "form": form,
            "query": text,
            "results": results,
            "items": describe_results(results, names, WORD.findall(text)) if results else [],
            "tag_options": tag_options(locale, form.data["tag"], names),
        },
    )

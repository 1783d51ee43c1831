"""Faceted filters for the cluster, event and case-study indexes (and the API).

A listing's facet index holds its live, public pages in the listing's order and, for each
facet (``tag`` for industries, plus ``country`` or ``kind``) and each of its values, the
pages having it as an int used as a bit set: bit i stands for the i-th page. A filter is then
set arithmetic on a few hundred bytes, whatever the number of pages:

- the values chosen in one facet widen (pages having any of them); industries can ask for
  pages having all of them instead (``match_all``);
- different facets, and search text, narrow each other;
- the count beside a value is the number of results choosing it gives under the other
  facets' current choices (with ``match_all``, how many of the results have it).

Building an index scans the listing once (three queries); it is kept in Django's cache until
content changes (``cache.py``). Facet names are the query string's parameter names.
"""

import json
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import and_, or_
from typing import NamedTuple

from .cache import cached
from .spelling import found_in, spellings
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names, industry_tags

TAG = "tag"


class Tag(NamedTuple):
    pk: int
    slug: str
    name: str


class Selection(NamedTuple):
    results: int  # the bit set of the results
    counts: dict  # facet: {value: number of results choosing it gives}


@dataclass(frozen=True)
class FacetIndex:
    ordered: array  # page ids in the listing's order (an array: quick to load from the cache)
    sets: dict  # facet: {value: the bit set of the pages having it}
    tags: list  # every industry tag (Tag), by name
    names: dict  # tag id: its name in the language

    @classmethod
    def build(cls, pages, fields, language_code):
        """The index of ``pages`` (a queryset of a page type with industry tags, in the
        listing's order) with a facet for each of its ``fields`` besides the tags."""
        rows = list(pages.values_list("pk", *fields))
        bit = {row[0]: 1 << position for position, row in enumerate(rows)}
        tags = [Tag(tag.pk, tag.slug, tag.name) for tag in industry_tags()]
        slugs = {tag.pk: tag.slug for tag in tags}
        sets = {TAG: defaultdict(int), **{field: defaultdict(int) for field in fields}}
        tagged = through_model(pages.model).objects.filter(content_object__in=pages)
        for pk, tag_id in tagged.values_list("content_object_id", "tag_id").order_by():
            sets[TAG][slugs[tag_id]] |= bit[pk]
        for pk, *values in rows:
            for field, value in zip(fields, values, strict=True):
                sets[field][value] |= bit[pk]
        return cls(
            ordered=array("q", (row[0] for row in rows)),
            sets={facet: dict(values) for facet, values in sets.items()},
            tags=tags,
            names=industry_names(language_code),
        )

    def everything(self):
        return (1 << len(self.ordered)) - 1

    def ids(self, selection, start=0, stop=None):
        """The ids of the pages in the bit set ``selection``, in the listing's order, from
        the ``start``-th to before the ``stop``-th: a page of results costs its own length,
        not the number of results."""
        found = []
        for n in range(stop if stop is not None else selection.bit_count()):
            if not selection:
                break
            lowest = selection & -selection
            if n >= start:
                found.append(self.ordered[lowest.bit_length() - 1])
            selection ^= lowest
        return found

    def results_of(self, selection):
        """The ids of ``selection`` as a sequence that pages (``Paginator``) without listing
        them all."""
        return Results(self, selection)

    def tags_of(self, pk):
        """The tags (``Tag``) of the page ``pk``, by name."""
        bit = 1 << self.position[pk] if pk in self.position else 0
        sets = self.sets[TAG]
        return [tag for tag in self.tags if sets.get(tag.slug, 0) & bit]

    @cached_property
    def position(self):
        """Each page's bit, by id: its place in the listing's order."""
        return dict(zip(self.ordered, range(len(self.ordered)), strict=True))

    @property
    def tag_slugs(self):
        return [tag.slug for tag in self.tags]

    def tagged(self, term):
        """The pages with a tag whose name, or name in the language, has one of the
        spellings ``term`` (``place_names.alternatives()``)."""
        sets = self.sets[TAG]
        return reduce(
            or_,
            (sets.get(tag.slug, 0) for tag in self.tags if found_in(term, self.spelled[tag.pk])),
            0,
        )

    @cached_property
    def spelled(self):
        """Each tag's names in the spellings searched (``spelling.py``), by tag id."""
        return {tag.pk: spellings(tag.name, self.names.get(tag.pk, "")) for tag in self.tags}

    def _having(self, facet, values, match_all):
        sets = [self.sets[facet].get(value, 0) for value in values]
        return reduce(and_, sets) if match_all else reduce(or_, sets)

    def results(self, chosen, match_all=False, within=None):
        """The bit set of the pages having the ``chosen`` values (``{facet: [values]}``)
        among ``within`` (what search text leaves; everything when None). ``match_all``:
        the pages must have every chosen tag, not any."""
        within = self.everything() if within is None else within
        return reduce(
            and_,
            (
                self._having(facet, values, match_all and facet == TAG)
                for facet, values in chosen.items()
                if values
            ),
            within,
        )

    def select(self, chosen, match_all=False, within=None):
        """The results of ``results()`` with each facet's counts."""
        results = self.results(chosen, match_all, within)
        counts = {}
        for facet, sets in self.sets.items():
            if match_all and facet == TAG and chosen.get(TAG):
                base = results  # another tag narrows the results
            else:
                others = {f: values for f, values in chosen.items() if f != facet}
                base = self.results(others, match_all, within)
            counts[facet] = {value: (base & s).bit_count() for value, s in sets.items()}
        return Selection(results, counts)

    def without_each(self, chosen, match_all=False, within=None):
        """For a filter without results: ``[(facet, value, n)]``, how many results leaving
        out each chosen value gives (the search text is the facet ``None``)."""
        found = []
        for facet, values in chosen.items():
            for value in values:
                fewer = {**chosen, facet: [v for v in values if v != value]}
                found.append((facet, value, self.results(fewer, match_all, within).bit_count()))
        if within is not None:
            found.append((None, None, self.results(chosen, match_all).bit_count()))
        return found


class Results(Sequence):
    """The ids of a selection in the listing's order, counted and sliced from its bits."""

    def __init__(self, index, selection):
        self.index, self.selection = index, selection

    def __len__(self):
        return self.selection.bit_count()

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            return self.index.ids(self.selection, start, stop)[::step]
        position = range(len(self))[key]  # an IndexError as a list's
        return self.index.ids(self.selection, position, position + 1)[0]


def facet_index(index_page, pages, fields=(), *, language_code):
    """The facet index of the listing of ``index_page``, kept until content changes.
    ``pages()`` gives the listing's pages (a queryset, in its order); it is called only to
    build the index, as Wagtail's ``public()`` already costs a query."""
    # The key names the format: an index kept by an earlier release is never read.
    key = json.dumps(
        ["facets", 4, type(index_page)._meta.label, index_page.pk, list(fields), language_code]
    )
    return cached(key, lambda: FacetIndex.build(pages(), fields, language_code))


def removal_links(params, index, found, choices=None, text=""):
    """Links for a filter without results: each chosen value left out of the query string
    ``params``, named, with the number of results it gives, most first. ``found`` is
    ``without_each()``'s answer; ``choices`` names the values of facets besides the tags
    (``{facet: [(value, label)]}``); the search ``text`` is the parameter ``q``."""
    names = {tag.slug: index.names.get(tag.pk, tag.name) for tag in index.tags}
    labels = {facet: dict(pairs) for facet, pairs in (choices or {}).items()}
    links = []
    for facet, value, count in found:
        query = params.copy()
        query.pop("page", None)
        if facet is None:
            query.pop("q", None)
            label = text
        else:
            query.setlist(facet, [v for v in query.getlist(facet) if v.lower() != value.lower()])
            label = names[value] if facet == TAG else labels.get(facet, {}).get(value, value)
        links.append({"label": label, "url": "?" + query.urlencode(), "count": count})
    return sorted(links, key=lambda link: -link["count"])

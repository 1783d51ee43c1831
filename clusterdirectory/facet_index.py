"""The cluster index's facet index: what every filter of the directory reads.

For one index page in one language: its live, public clusters in title order, which of them
have each industry tag and each country, and the tags with their names. Building it scans
every cluster of the index (four queries); it is kept in Django's cache until content
changes (``cache.py``). A filter never asked before is then set arithmetic on it, plus one
query when it searches text, whatever the number of clusters.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .cache import cached
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names, industry_tags


class Tag(NamedTuple):
    pk: int
    slug: str
    name: str


@dataclass(frozen=True)
class FacetIndex:
    """A set of the index's clusters is an int used as a bit set: bit i stands for the i-th
    cluster in title order. Narrowing a filter is then ``&`` and counting ``bit_count()``,
    each one operation on a few hundred bytes at 3,000 clusters."""

    ordered: list  # cluster ids in title order
    by_tag: dict  # tag id: the bit set of its clusters
    by_country: dict  # country code: the bit set of its clusters
    tags: list  # every industry tag (Tag), by name
    names: dict  # tag id: its name in the language

    @classmethod
    def build(cls, clusters, language_code):
        rows = list(clusters.values_list("pk", "country"))
        bit = {pk: 1 << position for position, (pk, _) in enumerate(rows)}
        tagged = through_model(clusters.model).objects.filter(content_object__in=clusters)
        by_tag, by_country = defaultdict(int), defaultdict(int)
        for pk, tag_id in tagged.values_list("content_object_id", "tag_id").order_by():
            by_tag[tag_id] |= bit[pk]
        for pk, country in rows:
            by_country[country] |= bit[pk]
        return cls(
            ordered=[pk for pk, _ in rows],
            by_tag=dict(by_tag),
            by_country=dict(by_country),
            tags=[Tag(tag.pk, tag.slug, tag.name) for tag in industry_tags()],
            names=industry_names(language_code),
        )

    def everything(self):
        return (1 << len(self.ordered)) - 1

    def ids(self, selection):
        """The ids of the clusters in the bit set ``selection``, in title order."""
        bits = bin(selection)[:1:-1]  # lowest bit first
        return [self.ordered[position] for position, bit in enumerate(bits) if bit == "1"]

    @cached_property
    def position(self):
        """Each cluster's bit, by id: its place in title order."""
        return {pk: position for position, pk in enumerate(self.ordered)}

    def having_tags(self, slugs):
        """The clusters having every tag in ``slugs``."""
        selection = self.everything()
        for tag in self.tags:
            if tag.slug in slugs:
                selection &= self.by_tag.get(tag.pk, 0)
        return selection

    def tagged(self, word):
        """The clusters with a tag whose name, or name in the language, has ``word``."""
        word, selection = word.casefold(), 0
        for tag in self.tags:
            if word in tag.name.casefold() or word in self.names.get(tag.pk, "").casefold():
                selection |= self.by_tag.get(tag.pk, 0)
        return selection

    def filter(self, selection, country):
        """``selection`` (the clusters left by the other filters) narrowed to ``country``:
        the results' ids in title order, with the facet counts: results per country whatever
        the country chosen, and per tag, how many results adding it would leave."""
        results = selection & self.by_country.get(country, 0) if country else selection
        return {
            "results": self.ids(results),
            "countries": {code: (selection & s).bit_count() for code, s in self.by_country.items()},
            "tags": {tag_id: (results & s).bit_count() for tag_id, s in self.by_tag.items()},
        }


def facet_index(index_page, language_code):
    """The facet index of ``index_page`` in a language, kept until content changes."""
    # The key names the format: an index kept by an earlier release is never read.
    key = json.dumps(["facet-index", 2, index_page.pk, language_code])
    return cached(key, lambda: FacetIndex.build(index_page.clusters(), language_code))

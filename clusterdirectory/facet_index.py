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
from typing import NamedTuple

from .cache import cached
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names, industry_tags

# Text is searched among the clusters a filter's tags leave when they are at most this many
# (by id, each a query parameter), else across the whole index.
MAX_IDS_SEARCHED = 1000


class Tag(NamedTuple):
    pk: int
    slug: str
    name: str


@dataclass(frozen=True)
class FacetIndex:
    ordered: list  # cluster ids in title order
    by_tag: dict  # tag id: frozenset of cluster ids
    by_country: dict  # country code: frozenset of cluster ids
    tags: list  # every industry tag (Tag), by name
    names: dict  # tag id: its name in the language

    @classmethod
    def build(cls, clusters, language_code):
        rows = list(clusters.values_list("pk", "country"))
        tagged = through_model(clusters.model).objects.filter(content_object__in=clusters)
        by_tag, by_country = defaultdict(set), defaultdict(set)
        for pk, tag_id in tagged.values_list("content_object_id", "tag_id").order_by():
            by_tag[tag_id].add(pk)
        for pk, country in rows:
            by_country[country].add(pk)
        return cls(
            ordered=[pk for pk, _ in rows],
            by_tag={tag_id: frozenset(pks) for tag_id, pks in by_tag.items()},
            by_country={code: frozenset(pks) for code, pks in by_country.items()},
            tags=[Tag(tag.pk, tag.slug, tag.name) for tag in industry_tags()],
            names=industry_names(language_code),
        )

    def having_tags(self, slugs):
        """Ids of the clusters having every tag in ``slugs``."""
        ids = set(self.ordered)
        for tag in self.tags:
            if tag.slug in slugs:
                ids &= self.by_tag.get(tag.pk, frozenset())
        return ids

    def tagged(self, word):
        """Ids of the clusters with a tag whose name, or name in the language, has ``word``."""
        word = word.casefold()
        ids = set()
        for tag in self.tags:
            if word in tag.name.casefold() or word in self.names.get(tag.pk, "").casefold():
                ids |= self.by_tag.get(tag.pk, frozenset())
        return ids

    def filter(self, ids, country):
        """``ids`` (clusters left by the other filters) narrowed to ``country``, in title
        order, with the facet counts: results per country whatever the country chosen, and
        per tag, how many results adding it would leave."""
        results = ids & self.by_country.get(country, frozenset()) if country else ids
        return {
            "results": [pk for pk in self.ordered if pk in results],
            "countries": {code: len(ids & pks) for code, pks in self.by_country.items()},
            "tags": {tag_id: len(results & pks) for tag_id, pks in self.by_tag.items()},
        }


def facet_index(index_page, language_code):
    """The facet index of ``index_page`` in a language, kept until content changes."""
    key = json.dumps(["facet-index", index_page.pk, language_code])
    return cached(key, lambda: FacetIndex.build(index_page.clusters(), language_code))

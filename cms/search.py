"""The site's search backend: Wagtail's database backend, given words only.

SQLite's full-text search reads a quote, ``*`` or ``NEAR(`` inside a term as its own syntax
and fails (a 500 for ``?search="`` in the API); no visitor means them as syntax. Queries
built by Wagtail (the admin's phrases and filters) pass as they are; only plain text is
reduced to its words, as the site's own search does (``home/views.py``).
"""

import functools
import re

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

WORD = re.compile(r"\w+")


def words(query):
    return " ".join(WORD.findall(query)) if isinstance(query, str) else query


@functools.cache
def words_only(database_backend):
    """``database_backend`` (SQLite's or PostgreSQL's class) given words only."""

    class WordsSearchBackend(database_backend):
        def search(self, query, *args, **kwargs):
            return super().search(words(query), *args, **kwargs)

        def autocomplete(self, query, *args, **kwargs):
            return super().autocomplete(words(query), *args, **kwargs)

    return WordsSearchBackend


def SearchBackend(params):  # noqa: N802 the name Wagtail looks for in a backend module
    return words_only(type(DatabaseSearchBackend(params)))(params)

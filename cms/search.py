"""The site's search backend: Wagtail's database backend, given words in every spelling.

SQLite's full-text search reads a quote, ``*`` or ``NEAR(`` inside a term as its own syntax
and fails (a 500 for ``?search="`` in the API); no visitor means them as syntax. Plain text
is reduced to its words, as the site's own search does (``home/views.py``); of queries built
by Wagtail (the admin's phrases and filters) only the plain words change. Each word is looked
for in the spellings visitors on both sides of the border use and, for a place, under its
other names (``clusterdirectory.place_names``): pages index their text in those spellings
too (``search_spellings``).
"""

import functools
import re

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.query import And, Or, PlainText

from clusterdirectory.place_names import alternatives

WORD = re.compile(r"\w+")


def words(query):
    return " ".join(WORD.findall(query)) if isinstance(query, str) else query


def spelled(query, operator=None):
    """``query`` (plain text, or Wagtail's query objects such as the admin's) with each
    plain word looked for in any of its spellings."""
    if isinstance(query, PlainText) and WORD.search(query.query_string):
        return spelled(query.query_string, query.operator)
    if isinstance(query, And | Or):
        return type(query)([spelled(subquery) for subquery in query.subqueries])
    if not isinstance(query, str):
        return query  # a phrase, a filter, everything
    terms = [
        Or([PlainText(form) for form in sorted({word, *term})])
        for word, term in alternatives(query).items()
    ]
    if not terms:
        return words(query)
    if len(terms) == 1:
        return terms[0]
    return Or(terms) if (operator or "and").lower() == "or" else And(terms)


@functools.cache
def words_only(database_backend):
    """``database_backend`` (SQLite's or PostgreSQL's class) given words in every spelling."""

    class WordsSearchBackend(database_backend):
        def search(self, query, *args, operator=None, **kwargs):
            return super().search(spelled(query, operator), *args, operator=operator, **kwargs)

        def autocomplete(self, query, *args, operator=None, **kwargs):
            query = spelled(query, operator)
            return super().autocomplete(query, *args, operator=operator, **kwargs)

    return WordsSearchBackend


def SearchBackend(params):  # noqa: N802 the name Wagtail looks for in a backend module
    return words_only(type(DatabaseSearchBackend(params)))(params)

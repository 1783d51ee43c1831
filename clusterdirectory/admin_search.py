"""The search box of the plugin's admin listings (registrations, contact requests,
industries, place names), as forgiving as the directory's.

Wagtail searches a listing's ``search_fields`` in the database with ``icontains``, which on
SQLite ignores case for ASCII letters only ("Ærø" finds "Ærø", "ærø" does not) and knows
no other spellings. These listings are small: their fields are read and compared in the
spellings of ``spelling.py``, every word of the search in one of the fields.
"""

from collections import defaultdict

from wagtail.admin.views.generic.models import IndexView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from .place_names import alternatives
from .spelling import found_in, spellings


class SpellingSearchMixin:
    def search_queryset(self, queryset):
        if not self.is_searching or not self.search_fields:
            return super().search_queryset(queryset)
        terms = alternatives(self.search_query).values()
        texts = defaultdict(list)
        rows = queryset.order_by().values_list("pk", *self.search_fields)
        for pk, *values in rows:
            texts[pk].extend(str(value) for value in values if value)
        matching = []
        for pk, values in texts.items():
            text = spellings(*values)
            if all(found_in(term, text) for term in terms):
                matching.append(pk)
        return queryset.filter(pk__in=matching)


class SpellingSearchIndexView(SpellingSearchMixin, IndexView):
    pass


class SpellingSearchSnippetIndexView(SpellingSearchMixin, SnippetIndexView):
    pass

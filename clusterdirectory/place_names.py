"""Places of the region under each of their names, for every search.

Flensburg is Flensborg to a Dane and Aabenraa is Apenrade to a German: a visitor searching
one name finds what has the other. Editors keep the lists (a snippet); a search word that is
one of a place's names stands for all of them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .cache import get_cache
from .conf import get_setting
from .spelling import forms, words

SEPARATOR = re.compile(r"[,\n]")
CACHE_KEY = "clusterdirectory:place-names:1"


def split_names(text):
    return [name.strip() for name in SEPARATOR.split(text or "") if name.strip()]


class PlaceName(models.Model):
    names = models.TextField(
        _("names"),
        help_text=_(
            "The names of one place in each language and spelling, separated by commas, e.g. "
            "'Flensburg, Flensborg'. A search for one of them finds the others too. One word "
            "per name: give Schleswig-Holstein as 'Schleswig, Slesvig' and 'Holstein, Holsten'."
        ),
    )

    panels = [FieldPanel("names")]

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        ordering = ["pk"]

    def __str__(self):
        return " / ".join(split_names(self.names))

    def clean(self):
        names = split_names(self.names)
        several = [name for name in names if words(name) != [name]]
        if several:
            raise ValidationError(
                {
                    "names": _(
                        "“%(name)s” is not one word. Give each word of a name with its own "
                        "names, e.g. 'Schleswig, Slesvig' and 'Holstein, Holsten'."
                    )
                    % {"name": several[0]}
                }
            )
        if len(names) < 2:
            raise ValidationError({"names": _("Give at least two names of the place.")})
        self.names = ", ".join(names)


def same_places():
    """Each spelling of a place's name: the spellings of all its names. Kept in the cache
    until the list changes (``forget_place_names``), not only until any content does: a
    search after a content change costs no query more than before."""
    cache = get_cache()
    found = cache.get(CACHE_KEY)
    if found is None:
        found = {}
        for text in PlaceName.objects.values_list("names", flat=True):
            group = frozenset().union(*(forms(name) for name in split_names(text)))
            for form in group:
                found[form] = found.get(form, frozenset()) | group
        cache.set(CACHE_KEY, found, get_setting("CACHE_TIMEOUT"))
    return found


def forget_place_names():
    get_cache().delete(CACHE_KEY)
    # Again once committed: a search that read the old list meanwhile may have kept it.
    transaction.on_commit(lambda: get_cache().delete(CACHE_KEY))


def alternatives(text):
    """Each word of ``text`` (case folded, once): the spellings that count as finding it, its
    own and, for a place's name, those of the place's other names."""
    terms, places = {}, None
    for word in dict.fromkeys(word.casefold() for word in words(text)):
        term = forms(word)
        if places is None:
            places = same_places()
        terms[word] = term.union(*(places.get(form, ()) for form in term))
    return terms

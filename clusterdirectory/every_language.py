"""A cluster in every language of the site.

Visitors in every language should find every member. wagtail-localize's synchronized trees
give a page made in the admin in the source language an alias in each other language; a
cluster registered through the form (in any language), or made in the admin in another
language, gets its aliases here. An alias shows its source's text, and follows it when the
source is published, until a translator translates the source into the alias's language
(wagtail-localize then turns the alias into the translation).
"""

from django.db.models import F
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page


def language_name(locale):
    """The locale's language named in the language of the moment ("Danish" in an English
    e-mail, "Dänisch" in a German admin)."""
    try:
        return str(get_language_info(locale.language_code)["name_translated"])
    except KeyError:
        return locale.get_display_name()


def missing_locales(page):
    """The languages of the site in which ``page`` has no version yet, among those in which
    its parent has one."""
    present = Page.objects.filter(translation_key=page.translation_key).values("locale_id")
    parents = page.get_parent().get_translations(inclusive=False).exclude(locale_id__in=present)
    return list(Locale.objects.filter(pk__in=parents.values("locale_id")).order_by("pk"))


def alias_in_every_language(page):
    """Aliases of ``page`` in the languages it is missing from (drafts while it is one; they
    are published with it). Returns them."""
    return [page.copy_for_translation(locale, alias=True) for locale in missing_locales(page)]


def aliased_locales(pages):
    """``{pk of a page in pages: [Locale]}``: the languages in which the page is shown by an
    alias, that is with its own text, not translated. One query."""
    aliases = (
        Page.objects.filter(alias_of__in=[page.pk for page in pages])
        .exclude(locale_id=F("alias_of__locale_id"))
        .select_related("locale")
        .order_by("locale_id")
    )
    found = {page.pk: [] for page in pages}
    for alias in aliases:
        found[alias.alias_of_id].append(alias.locale)
    return found

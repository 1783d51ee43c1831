"""Pages editors chose, shown in the language of the page that links them.

Editors choose pages once, often on the source page, so a link may point at a page in another
language; visitors should see its translation in their own.
"""

from django.db.models import Q


def localized_pages(pages, locale, queryset=None, fallback=False):
    """``{pk of a chosen page: the page to show for it}`` for ``pages`` (``None`` for a deleted
    one is skipped): its translation in ``locale`` (a Locale or its pk) among ``queryset``,
    live and public pages of their model by default; with ``fallback``, a page without one
    is shown as chosen while it is among ``queryset``. Pages with neither are left out.
    One query, none without pages."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    if queryset is None:
        queryset = type(pages[0]).objects.live().public()
    locale_id = getattr(locale, "pk", locale)
    wanted = Q(locale_id=locale_id, translation_key__in={page.translation_key for page in pages})
    if fallback:
        wanted |= Q(pk__in=[page.pk for page in pages])
    translated, found = {}, {}
    for page in queryset.filter(wanted):
        found[page.pk] = page
        if page.locale_id == locale_id:
            translated[page.translation_key] = page
    shown = {page.pk: translated.get(page.translation_key) or found.get(page.pk) for page in pages}
    return {pk: page for pk, page in shown.items() if page is not None}


def localized_choices(pages, locale, queryset=None, fallback=False):
    """The pages to show for ``pages`` (see ``localized_pages()``) in the editors' order; a
    page chosen twice, or in two languages, is shown once."""
    shown = localized_pages(pages, locale, queryset, fallback)
    in_order = (shown.get(page.pk) for page in pages if page is not None)
    return list({page.pk: page for page in in_order if page is not None}.values())

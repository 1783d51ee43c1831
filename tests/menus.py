"""Menus for tests, built and translated the way editors and translators do."""

import html

from django.db import transaction
from django.utils.html import escape
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import Menu, MenuItem


def make_menu(placement, links, locale=None):
    """A published menu with ``(page or URL, label)`` links."""
    menu = Menu(placement=placement, **({"locale": locale} if locale else {}))
    # In the order given, as the admin's form numbers them (unnumbered, PostgreSQL returns
    # them in any order).
    menu.items = [
        MenuItem(label=label, sort_order=number, link_url=target)
        if isinstance(target, str)
        else MenuItem(link_page=target, label=label, sort_order=number)
        for number, (target, label) in enumerate(links)
    ]
    menu.save()
    menu.save_revision().publish()
    return menu


def translate_menu(menu, locale, strings):
    """Translate ``menu`` into ``locale`` through wagtail-localize; ``strings`` maps the
    English labels to translated ones. Run inside ``django_capture_on_commit_callbacks``
    (wagtail-localize publishes on commit)."""
    source, _ = TranslationSource.get_or_create_from_instance(menu)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = strings.get(html.unescape(segment.string.data))
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": escape(text)},
            )
    with transaction.atomic():
        translation.save_target(publish=True)
    return menu.get_translation(locale)

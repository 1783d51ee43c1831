"""The header and footer menus as visitors see them: the menu of the visitor's language and
its links resolved to live pages in that language, in a fixed number of queries."""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from clusterdirectory.localized import localized_pages

from .models import Menu


@dataclass
class MenuLink:
    label: str
    url: str
    page: Page | None = None  # the localized page, None for a web address


def menu_for(placement, locale=None):
    """The live menu of ``placement`` in ``locale`` (the active one by default), or the
    default language's while that language has none."""
    locale = locale or Locale.get_active()
    menus = Menu.objects.filter(placement=placement, live=True).select_related("locale")
    default = Locale.get_default()
    candidates = {menu.locale_id: menu for menu in menus.filter(locale__in=[locale, default])}
    return candidates.get(locale.pk) or candidates.get(default.pk)


def menu_links(menu, locale=None, request=None):
    """The menu's links in ``locale`` (the active one by default). A chosen page is shown in
    that language where it has a live translation, otherwise as chosen; links to pages that
    are not live are left out."""
    locale = locale or Locale.get_active()
    # Items made in code (the demo, tests) have no sort_order: then their creation order.
    items = list(menu.items.order_by("sort_order", "pk").select_related("link_page"))
    shown = localized_pages(
        [item.link_page for item in items], locale, Page.objects.live(), fallback=True
    )
    links = []
    for item in items:
        if item.link_page is None:
            links.append(MenuLink(item.label, item.link_url))
            continue
        page = shown.get(item.link_page_id)
        if page is None:
            continue
        url = page.get_url(request)
        if url:
            links.append(MenuLink(item.label or page.title, url, page))
    return links

"""The header and footer menus on the API v3: ``/api/v3/menus/?locale=da``."""

from django.urls import reverse
from ninja import Router, Schema
from wagtail.api.utils import get_full_url

from clusterdirectory.api.v3.params import LanguageCode, locale_for

from .menus import menu_for, menu_links
from .models import Menu

router = Router(tags=["menus"])


class MenuPage(Schema):
    id: int
    detail_url: str


class MenuLink(Schema):
    label: str
    url: str
    page: MenuPage | None = None


class MenuItem(Schema):
    placement: str
    locale: str
    items: list[MenuLink]


class MenuListing(Schema):
    locale: str
    count: int
    items: list[MenuItem]


@router.get(
    "/",
    response=MenuListing,
    url_name="list_menus",
    summary="List menus",
    operation_id="menus_list",
)
def list_menus(
    request, locale: LanguageCode | None = None, placement: Menu.Placement | None = None
):
    """The header and footer menus of a language (default: the request's), or only the one
    of ``placement``; a language without its own menu has the default language's. Links point
    to the pages in that language where they are live in it."""
    found = locale_for(locale)
    menus = []
    for where in [placement] if placement else Menu.Placement.values:
        menu = menu_for(where, found)
        if menu is None:
            continue
        links = []
        for link in menu_links(menu, found, request):
            page = link.page and {
                "id": link.page.pk,
                "detail_url": get_full_url(
                    request, reverse("wagtailapi_v3:detail_page", kwargs={"page_id": link.page.pk})
                ),
            }
            links.append(
                {"label": link.label, "url": get_full_url(request, link.url), "page": page}
            )
        menus.append({"placement": where, "locale": menu.locale.language_code, "items": links})
    return {"locale": found.language_code, "count": len(menus), "items": menus}

"""The header and footer menus in the headless API: ``/api/v2/menus/?locale=da``."""

from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, get_full_url, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from clusterdirectory.api.v2 import NoNullCharactersMixin

from .menus import menu_for, menu_links
from .models import Menu


class MenusAPIViewSet(NoNullCharactersMixin, BaseAPIViewSet):
    """The menus of a language (``locale``, default: the default language), optionally only
    one ``placement``; links point to the pages in that language as on the site."""

    model = Menu
    name = "menus"
    known_query_parameters = frozenset(["locale", "placement", "format", "_"])

    def listing_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: {names}"
            )
        code = request.GET.get("locale") or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale: {code}")
        placements = Menu.Placement.values
        if "placement" in request.GET:
            if request.GET["placement"] not in placements:
                raise BadRequestError(f"unknown placement: use {' or '.join(placements)}")
            placements = [request.GET["placement"]]
        router = request.wagtailapi_router
        items = []
        for placement in placements:
            menu = menu_for(placement, locale)
            if menu is None:
                continue
            links = menu_links(menu, locale, request)
            items.append(
                {
                    "placement": placement,
                    "locale": menu.locale.language_code,
                    "items": [
                        {
                            "label": link.label,
                            "url": get_full_url(request, link.url),
                            "page": link.page
                            and {
                                "id": link.page.pk,
                                "detail_url": get_object_detail_url(
                                    router, request, type(link.page), link.page.pk
                                ),
                            },
                        }
                        for link in links
                    ],
                }
            )
        return Response({"meta": {"total_count": len(items), "locale": code}, "items": items})

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

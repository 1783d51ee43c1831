from django.http import JsonResponse
from django.urls import re_path
from wagtail.api.v2.router import WagtailAPIRouter

from clusterdirectory.api.v2 import (
    ContentPagesAPIViewSet,
    DocumentsAPIViewSet,
    ImagesAPIViewSet,
    IndustriesAPIViewSet,
    PagePreviewAPIViewSet,
)
from home.api import MenusAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("pages", ContentPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("industries", IndustriesAPIViewSet)
api_router.register_endpoint("menus", MenusAPIViewSet)


def not_found(request, path=""):
    # Without this, LocaleMiddleware would redirect unknown API paths to /en/api/...
    return JsonResponse({"message": "not found"}, status=404)


api_urlpatterns = [
    *api_router.get_urlpatterns(),
    re_path(r"^(?P<path>.*)$", not_found),
]

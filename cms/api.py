from django.http import JsonResponse
from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api as api_v3

from clusterdirectory.api.v2 import (
    ContentPagesAPIViewSet,
    DocumentsAPIViewSet,
    ImagesAPIViewSet,
    IndustriesAPIViewSet,
    PagePreviewAPIViewSet,
)
from home.api import MenusAPIViewSet

from .openapi import openapi_view

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
    path("openapi.json", openapi_view, name="openapi"),
    re_path(r"^(?P<path>.*)$", not_found),
]


def openapi_v3(request):
    """Wagtail's API v3 document (with the plugin's routers), named for this site, and with no
    default beside a request body's reference: openapi-python-client leaves such operations
    out of the client it generates (Wagtail's page actions)."""
    schema = api_v3.get_openapi_schema(path_params={})
    schema["info"].update(
        title="InTra-Net API",
        description="The InTra-Net site's content, cluster directory and forms: docs/api.md.",
    )
    for operations in schema["paths"].values():
        for operation in operations.values():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                if "allOf" in content.get("schema", {}):
                    content["schema"].pop("default", None)
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False})


def not_found_v3(request, path=""):
    return problem_response(status=404, detail=f"no API endpoint at /api/v3/{path}")


api_v3_urlpatterns = [
    # Before Wagtail's API v3, whose own openapi.json it replaces.
    path("openapi.json", openapi_v3, name="openapi_v3"),
    path("", api_v3.urls),
    re_path(r"^(?P<path>.*)$", not_found_v3),
]

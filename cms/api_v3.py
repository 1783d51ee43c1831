"""The site's API v3: Wagtail's (``wagtail.api.v3``, with the plugin's routers), its OpenAPI
document named for the site, and pages found by the path a visitor sees."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.urls import path, re_path, reverse
from django.utils import translation
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.urls import api as api_v3
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale


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


def page_at(request, html_path, site):
    """The public page a visitor sees at ``html_path`` (``/de/participating-clusters/``: the
    language prefix chooses the tree, as ``i18n_patterns`` does on the site), or None."""
    components = [component for component in html_path.split("/") if component]
    language = translation.get_language_from_path(html_path)
    if language:
        components = components[1:]
    try:
        site_obj = SiteFilterValidator(site=site, request=request).site_obj
    except ValueError:
        return None
    if site_obj is None:
        return None
    root = site_obj.root_page.specific
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        root = (locale and root.get_translation_or_none(locale)) or root
    try:
        page = root.specific.route(request, components).page
    except Http404:
        return None
    return page if get_pages_queryset(request).filter(pk=page.pk).exists() else None


def find_page(request):
    """Wagtail's ``pages/find/`` (``id`` or ``html_path``, then the page's detail with the
    other parameters), with ``html_path`` as a visitor sees it, in any language."""
    html_path, page_id = request.GET.get("html_path", ""), request.GET.get("id", "")
    if page_id and not page_id.isdecimal():
        return problem_response(status=422, detail="id must be a positive whole number")
    page = page_at(request, html_path, request.GET.get("site")) if html_path else None
    if page is None and page_id:
        page = get_pages_queryset(request).filter(pk=int(page_id)).first()
    if page is None:
        return problem_response(status=404, detail="No page matches the given query.")
    query = request.GET.copy()
    query.pop("id", None)
    query.pop("html_path", None)
    url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return HttpResponseRedirect(f"{url}?{query.urlencode()}" if query else url)


def not_found(request, path=""):
    return problem_response(status=404, detail=f"no API endpoint at /api/v3/{path}")


urlpatterns = [
    # Before Wagtail's API v3, whose own views for these paths they replace.
    path("openapi.json", openapi_v3, name="openapi_v3"),
    path("pages/find/", find_page, name="find_page_v3"),
    path("", api_v3.urls),
    re_path(r"^(?P<path>.*)$", not_found),
]

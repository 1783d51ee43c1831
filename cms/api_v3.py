"""The site's API v3: Wagtail's (``wagtail.api.v3``, with the plugin's routers), its OpenAPI
document named for the site, and pages found by the path a visitor sees."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.urls import path, re_path, reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.urls import api as api_v3
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale


def openapi_v3(request):
    """Wagtail's API v3 document (with the plugin's routers), named for this site and made
    true to what the API answers (``complete()``)."""
    schema = complete(api_v3.get_openapi_schema(path_params={}))
    schema["info"].update(
        title="InTra-Net API",
        description="The InTra-Net site's content, cluster directory and forms: docs/api.md.",
    )
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False})


API_PREFIX = "/api/v3/"

# What every operation may answer besides its own success, as Wagtail's API v3 answers it
# (``wagtail.api.v3.errors``): a problem+json body.
PROBLEMS = {
    "400": "A value the API cannot use (an unknown industry, a limit over 100...).",
    "404": "Nothing there, or not public.",
    "422": "A parameter or body of the wrong type or shape; ``errors`` says which.",
}
# Valid values Wagtail's listings refuse together (a 422).
CANNOT_COMBINE = {
    "order": "Field names, a leading - for descending; random, but not with an offset.",
    "descendant_of": "A page id or root: its descendants; not with child_of.",
    "child_of": "A page id or root: its children; not with descendant_of.",
}
TOKEN_PROBLEMS = {
    "401": "No valid API token.",
    "403": "The token's user may not do this.",
}


def complete(schema):
    """``schema`` with what Wagtail's generated document leaves out or says otherwise:

    - no snippets endpoints, which no request could use here;
    - the redirect of ``pages/find/``;
    - the largest ``limit`` (``WAGTAILAPI_LIMIT_MAX``);
    - the error answers of every operation (Wagtail documents only the success), and which
      valid values cannot be combined;
    - optional authentication as OpenAPI's empty requirement, not a scheme of its own
      (Wagtail's ``AllowAnonymous``), so tools know a token is optional there;
    - no default beside a request body's reference, which openapi-python-client cannot
      read (it leaves such operations out of the client)."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["ProblemDetail"] = ProblemDetail.model_json_schema()
    components.get("securitySchemes", {}).pop("AllowAnonymous", None)
    # Wagtail's snippets endpoints serve the snippet types registered with its API v3: none
    # here (the menus have their own endpoint), so no request could name a type.
    schema["paths"] = {
        path: operations
        for path, operations in schema["paths"].items()
        if not path.startswith(f"{API_PREFIX}snippets/")
    }
    problem = {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            security = operation.get("security")
            if security:
                operation["security"] = [
                    {} if "AllowAnonymous" in requirement else requirement
                    for requirement in security
                ]
            problems = dict(PROBLEMS)
            if security and {} not in operation["security"]:
                problems.update(TOKEN_PROBLEMS)
            # Ninja's keys are numbers until the document is dumped.
            responses = {str(status): answer for status, answer in operation["responses"].items()}
            if operation.get("operationId") == "pages_find":
                responses["302"] = {"description": "The page's detail (``pages/{id}/``)."}
            for status, description in problems.items():
                responses.setdefault(status, {"description": description, "content": problem})
            operation["responses"] = responses
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "limit":  # WagtailLimitOffsetPagination's bound
                    parameter["schema"].setdefault("maximum", settings.WAGTAILAPI_LIMIT_MAX)
                if parameter["name"] in CANNOT_COMBINE:
                    parameter.setdefault("description", CANNOT_COMBINE[parameter["name"]])
            for content in operation.get("requestBody", {}).get("content", {}).values():
                if "allOf" in content.get("schema", {}):
                    content["schema"].pop("default", None)
    return schema


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


@require_safe
def find_page(request):
    """Wagtail's ``pages/find/`` (``id`` or ``html_path``, then the page's detail with the
    other parameters), with ``html_path`` as a visitor sees it, in any language."""
    html_path, page_id = request.GET.get("html_path", ""), request.GET.get("id", "")
    if "id" in request.GET and not (page_id.isdecimal() and int(page_id) > 0):
        return problem_response(status=422, detail="id must be a positive whole number")
    if request.GET.get("version", "live") not in ("live", "draft"):
        return problem_response(status=422, detail="version must be live or draft")
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


@require_safe
def api_root(request):
    """``/api/v3/`` itself, where people start: the interactive docs (django-ninja's own view
    there is only a marker for its URLs and answers 404)."""
    return HttpResponseRedirect(reverse("wagtailapi_v3:openapi-view"))


def not_found(request, path=""):
    return problem_response(status=404, detail=f"no API endpoint at /api/v3/{path}")


urlpatterns = [
    # Before Wagtail's API v3, whose own views for these paths they replace.
    path("openapi.json", openapi_v3, name="openapi_v3"),
    path("pages/find/", find_page, name="find_page_v3"),
    path("", api_root, name="api_v3_root"),
    path("", api_v3.urls),
    re_path(r"^(?P<path>.*)$", not_found),
]

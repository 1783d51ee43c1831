"""Wagtail's page view, with the two lookups it repeats for every request kept between content
changes: the site a host name belongs to, and the page a path leads to.

Both are kept in the directory cache (``clusterdirectory.cache``), whose version any change to
pages (drafts too), sites, locales or view restrictions raises, so nothing kept is stale.
Kept for a path are the page as last saved and how much of the path its own routes take (a
routable page's sub-path); the page still decides whether it serves the request, and
Wagtail's checks (live, view restrictions, the serve hooks) run as before. A path that leads
nowhere is not kept.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from clusterdirectory.cache import cached


def find_site(request):
    """``Site.find_for_request()``, kept per host and port."""
    # Wagtail keeps the site of a request in this attribute and looks there first.
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = cached(
            f"site:{request.get_host()}:{request.get_port()}",
            lambda: Site.find_for_request(request),
        )
        # And the root paths of all sites, which every page URL needs: Wagtail reads them
        # from Django's cache (a round trip to Redis) once per request otherwise.
        request._wagtail_cached_site_root_paths = cached(
            "site-root-paths", Site.get_site_root_paths
        )
    return request._wagtail_site


def find_route(request, path):
    """``Page.route_for_request()``: the page, args and kwargs that serve ``path``, or None."""
    site = find_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        page, walked = cached(
            f"route:{site.pk}:{get_language()}:{'/'.join(components)}",
            lambda: _destination(request, path, site),
        )
        # The rest of the path is the page's own, and Page.route() refuses pages not live.
        return page.route(request, components[walked:])
    except Http404:
        return None


def _destination(request, path, site):
    """Wagtail's walk down the tree: the page a path leads to and how many path components
    the walk took before the page's own routes took over. Http404 where it leads nowhere."""
    route = Page.route_for_request(request, path)
    del request._wagtail_route_for_request  # routed again from what is kept, like every hit
    if route is None:
        raise Http404
    found = route[0]
    page = type(found).objects.get(pk=found.pk)  # as saved, without what routing attached
    return page, page.depth - site.root_page.depth


def serve(request, path):
    """Wagtail's ``serve`` view, routed from what is kept."""
    # Wagtail's serve() takes the route from this attribute when it is there.
    request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)

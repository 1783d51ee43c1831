from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to the current page's translation where one is live,
    otherwise to that language's home page. Query strings (filters) and a routable page's
    sub-path (``register/``) are kept."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page):
        own_url = page.get_url(request) or ""
        sub_path = ""
        if own_url.startswith("/") and request.path.startswith(own_url):
            sub_path = request.path[len(own_url) :]
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            url = translation.get_url(request)
            translations[translation.locale.language_code] = url and url + sub_path
    query = request.GET.urlencode()
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        url = translations.get(code)
        if url and query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or f"/{code}/",
                "is_translation": url is not None,
                "is_current": code == get_language(),
                "absolute_url": request.build_absolute_uri(url) if url else None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The live, in-menu children of the home page in the visitor's language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    return [home, *home.get_children().live().in_menu()]

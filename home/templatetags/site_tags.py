import json

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, to_locale
from wagtail.models import Locale, Page, Site

from clusterdirectory.cache import cached
from clusterdirectory.models import CaseStudyPage, NewsPage
from clusterdirectory.structured_data import json_ld, page_description, page_url, share_image
from home.menus import menu_for, menu_links
from home.models import FundingLogo, NetworkContactSettings

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "da": "da_DK", "de": "de_DE"}
# Shared as og:type "article"; every other page is a "website".
ARTICLE_TYPES = (NewsPage, CaseStudyPage)


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
        translations = {
            code: url and url + sub_path for code, url in translation_urls(page, request).items()
        }
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


def translation_urls(page, request):
    """The URL of each live translation of ``page`` (itself included) by language code,
    kept until content changes: every page asks for them, and they cost a query and a
    page instance each."""
    site = Site.find_for_request(request)

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {t.locale.language_code: t.get_url(request) for t in translations}

    return cached(json.dumps(["translation-urls", 1, page.pk, site and site.pk]), compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    """The site's home page in the visitor's language."""
    site = Site.find_for_request(context["request"])
    return site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context):
    """The site's accessibility statement in the visitor's language (else as it is), if the
    site's settings name one and it is live."""
    request = context["request"]
    site = Site.find_for_request(request)
    page = NetworkContactSettings.for_site(site).accessibility_statement if site else None
    if page is None:
        return ""
    page = page.localized
    return page.get_url(request) if page.live else ""


@register.simple_tag(takes_context=True)
def funding_logos(context):
    """The site's funding logos for the header, each with its text in the visitor's language
    (else in English) and that text's language code."""
    site = Site.find_for_request(context["request"])
    # One query (the settings' own row is not needed), none more for a site without logos.
    logos = FundingLogo.objects.filter(settings__site=site).select_related("image")
    language = get_language()
    found = []
    for logo in logos.prefetch_related("image__renditions"):
        text, text_language = logo.text_in(language)
        found.append(
            {
                "image": logo.image,
                "is_union_emblem": logo.is_union_emblem,
                "text": text,
                "lang": text_language,
            }
        )
    return found


@register.simple_tag(takes_context=True)
def menu(context, placement):
    """The links of the ``header`` or ``footer`` menu in the visitor's language."""
    locale = Locale.get_active()
    found = menu_for(placement, locale)
    return menu_links(found, locale, request=context.get("request")) if found else []


@register.simple_tag(takes_context=True)
def view_language_links(context):
    """``language_links`` for the site's own views (the search): the same view in each
    language, query string kept. Anything else (a 404) links to each language's home page."""
    request = context["request"]
    links = language_links(context)
    match = request.resolver_match
    if match is None or match.url_name in (None, "wagtail_serve"):
        return links
    for link in links:
        link["url"] = translate_url(request.get_full_path(), link["code"])
    return links


def og_locale(language_code):
    return OG_LOCALES.get(language_code) or to_locale(language_code)


@register.simple_tag(takes_context=True)
def open_graph(context, languages):
    """The page's canonical URL and what link previews show (Open Graph, Twitter cards), or
    None without a page. ``languages`` as from ``language_links``."""
    request, page = context["request"], context.get("page")
    if not isinstance(page, Page):
        return None
    if getattr(request, "is_preview", False):
        url = page_url(page, request)
    else:  # a routable page's sub-path (register/) is a page of its own
        url = request.build_absolute_uri(request.path)
    site = Site.find_for_request(request)
    return {
        "url": url,
        "site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
        "title": page.seo_title or page.title,
        "description": page_description(page),
        "type": "article" if isinstance(page, ARTICLE_TYPES) else "website",
        "locale": og_locale(get_language()),
        "alternate_locales": [
            og_locale(language["code"])
            for language in languages
            if language["is_translation"] and not language["is_current"]
        ],
        "image": share_image(page, request),
    }


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    """schema.org ``WebSite`` with the site search as its ``SearchAction``, on the home page
    of every language; nothing on other pages."""
    request, page = context["request"], context.get("page")
    site = Site.find_for_request(request)
    if (
        not isinstance(page, Page)
        or site is None
        or page.translation_key != site.root_page.translation_key
    ):
        return ""
    search_url = request.build_absolute_uri(reverse("search"))
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.site_name or settings.WAGTAIL_SITE_NAME,
            "url": page_url(page, request),
            "inLanguage": get_language(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search_url}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from .. import cache
from .. import structured_data as seo
from ..following import services as following
from ..maps import map_data
from ..models import ClusterIndexPage
from ..taxonomy.models import industry_label as _industry_label

register = template.Library()


@register.filter
def industry_label(tag, names):
    """``{{ tag|industry_label:industry_names }}``: the tag's name in the page's language."""
    return _industry_label(tag, names or {})


@register.simple_tag
def content_version():
    """``{% content_version as version %}``: the number any content change raises. Among the
    names of a ``{% wagtailcache %}`` fragment, it keeps the fragment until content changes."""
    return cache.content_version()


@register.simple_tag
def text_language(page):
    """``{% text_language page as text_lang %}``: the language code of ``page``'s text where it
    is not the visitor's language, else "". wagtail-localize keeps an alias in each language
    for a page not yet translated, which shows its source's text (a Danish cluster's profile on
    /de/); elements holding it are then marked with ``lang``."""
    if not page.alias_of_id:
        return ""
    source = Page.objects.filter(pk=page.alias_of_id)
    code = source.values_list("locale__language_code", flat=True).first()
    return code if code and code != get_language() else ""


@register.simple_tag
def page_numbers(page):
    """``{% page_numbers items as numbers %}``: the page numbers a pagination links to, the
    first, the last and two each side of the current one, with ``None`` for the gaps: a
    directory of thousands does not list hundreds of pages."""
    return [
        None if number == page.paginator.ELLIPSIS else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag(takes_context=True)
def subpage_url(context, page, route_name):
    """The URL of a routable page's route (``register/``), or "" while the page has no URL
    (previewing a page before its first save)."""
    base = page.get_url(context.get("request"))
    return base + page.reverse_subpage(route_name) if base else ""


@register.simple_tag(takes_context=True)
def follow_url(context):
    """``{% follow_url as url %}``: the page where visitors follow industries by e-mail, in
    their language, or "" where the site has no cluster index."""
    page = context.get("page")
    if not isinstance(page, ClusterIndexPage):  # on the index itself, no query
        page = following.follow_page(Locale.get_active())
    url = page.get_url(context.get("request")) if page else None
    return url + page.reverse_subpage("follow") if url else ""


@register.simple_tag(takes_context=True)
def structured_data(context):
    """``{% structured_data %}``: the page's schema.org JSON-LD (clusters, events, news, case
    studies) as a ``<script>`` element, or nothing for other pages."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return ""
    data = seo.structured_data(page, request)
    return seo.json_ld(data) if data else ""


@register.simple_tag
def page_description(page):
    """``{% page_description page as description %}``: search description, else summary or
    introduction, as plain text."""
    return seo.page_description(page) if isinstance(page, Page) else ""


@register.simple_tag(takes_context=True)
def social_image(context, page):
    """``{% social_image page as image %}``: the image to share the page with (its social image,
    else its image or logo) as ``url`` (absolute), ``width``, ``height`` and ``alt``; or None."""
    return seo.share_image(page, context.get("request")) if isinstance(page, Page) else None


@register.simple_tag
def location_map():
    """``{% location_map %}``: the map above a form's latitude and longitude, which starts
    at the city typed above it (the site's own place list, API v3); "" without Leaflet."""
    data = map_data()
    if data is None:
        return ""
    try:
        places_url = reverse("wagtailapi_v3:find_place")
    except NoReverseMatch:  # a site without API v3: the visitor places the cluster
        places_url = ""
    return render_to_string(
        "clusterdirectory/includes/location_map.html", {"map": data, "places_url": places_url}
    )

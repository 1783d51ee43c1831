from django import template

from ..models import industry_label as _industry_label

register = template.Library()


@register.filter
def industry_label(tag, names):
    """``{{ tag|industry_label:industry_names }}``: the tag's name in the page's language."""
    return _industry_label(tag, names or {})


@register.simple_tag(takes_context=True)
def subpage_url(context, page, route_name):
    """The URL of a routable page's route (``register/``), or "" while the page has no URL
    (previewing a page before its first save)."""
    base = page.get_url(context.get("request"))
    return base + page.reverse_subpage(route_name) if base else ""

from django import template

from ..models import industry_label as _industry_label

register = template.Library()


@register.filter
def industry_label(tag, names):
    """``{{ tag|industry_label:industry_names }}``: the tag's name in the page's language."""
    return _industry_label(tag, names or {})

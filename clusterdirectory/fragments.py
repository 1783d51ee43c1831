"""Parts of a template rendered once and kept until content changes: ``{% directorycache %}``
(the plugin's, kept in the directory cache) and any tag a site makes the same way for its
own cache (``kept_fragment_tag``)."""

import json

from django import template
from django.utils.translation import get_language
from wagtail.models import Site


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, vary_on, cached):
        self.nodelist = nodelist
        self.vary_on = vary_on
        self.cached = cached

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        values = [value.resolve(context) for value in self.vary_on]
        name = json.dumps(["fragment", site and site.pk, get_language(), *values], default=str)
        return self.cached(name, lambda: self.nodelist.render(context))


def kept_fragment_tag(tag_name, cached):
    """A block tag ``{% tag_name "name" value ... %}...{% endtag_name %}``: what it encloses,
    rendered once per name, values, site and language and kept by ``cached(name, compute)``
    (previews never). What it shows must depend on nothing else: not on the visitor, nor on
    request data left out of the values."""

    def compile_tag(parser, token):
        vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
        if not vary_on:
            raise template.TemplateSyntaxError(f"{tag_name} needs a name.")
        nodelist = parser.parse((f"end{tag_name}",))
        parser.delete_first_token()
        return KeptFragmentNode(nodelist, vary_on, cached)

    return compile_tag

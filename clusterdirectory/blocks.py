"""StreamField blocks of the cluster directory, usable on any page of the host site."""

import re

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .api_fields import responsive_renditions

IMAGE_API_RENDITION = "width-960"

# Block previews in the block chooser: Wagtail's preview page with the plugin's styles, so the
# blocks show in any host site, whether or not it overrides Wagtail's global preview template.
PREVIEW_TEMPLATE = "clusterdirectory/blocks/preview.html"


def with_preview_note(context, note):
    """The preview ``context`` with a line that stands in for what the database cannot show
    yet (no images, no published pages)."""
    return {**context, "preview_note": note}


def image_api_representation(image, alt=None):
    """An image as front ends need it: a rendition's URL and size, its alt text, and the
    renditions for ``srcset`` (as the API's image fields have them)."""
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_API_RENDITION)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text if alt is None else alt,
        "url": rendition.url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "renditions": responsive_renditions(image),
    }


class APIImageChooserBlock(ImageChooserBlock):
    """An image chooser that the API serves as a rendition rather than a bare id."""

    def get_api_representation(self, value, context=None):
        return image_api_representation(value)


class APIImageBlock(ImageBlock):
    """An image with alt text that the API serves as a rendition with that alt text."""

    class Meta:
        icon = "image"
        preview_template = PREVIEW_TEMPLATE
        description = _("An image from the library, with a text describing it for screen readers.")

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        data = image_api_representation(value, alt=value.contextual_alt_text)
        data["decorative"] = bool(getattr(value, "decorative", False))
        return data

    def get_preview_value(self):
        """The newest image of the library, if there is one."""
        image = get_image_model().objects.order_by("-created_at", "-pk").first()
        return self.to_python(image.pk if image else None)

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if value is None:
            return with_preview_note(
                context, _("Upload images to the library: the image you choose appears here.")
            )
        return context


class ListItemBlock(blocks.CharBlock):
    """One line of a simple list (a service, a focus topic, a region); each use gives its own
    ``help_text`` and ``preview_value``."""

    class Meta:
        icon = "list-ul"
        max_length = 255
        preview_template = PREVIEW_TEMPLATE


def find_keyword(statement, keyword):
    """Where ``keyword`` is in ``statement`` (ignoring case), or None."""
    return re.search(re.escape(keyword), statement, re.IGNORECASE) if keyword else None


def keyword_error(statement, keyword):
    """The error of a highlighted ``keyword`` that ``statement`` does not contain, or None."""
    if keyword and find_keyword(statement or "", keyword) is None:
        return ValidationError(
            _("“%(keyword)s” is not in the recommendation: copy a word or phrase from it."),
            code="keyword_not_in_statement",
            params={"keyword": keyword},
        )
    return None


class RecommendationValue(blocks.StructValue):
    def highlighted(self):
        """The statement with its keyword in <strong>, everything else escaped."""
        statement, keyword = self.get("statement", ""), self.get("keyword", "")
        match = find_keyword(statement, keyword)
        if match is None:
            return format_html("{}", statement)
        return format_html(
            "{}<strong>{}</strong>{}",
            statement[: match.start()],
            match.group(),
            statement[match.end() :],
        )


class RecommendationBlock(blocks.StructBlock):
    """A recommendation; the API adds ``highlighted``, the statement as HTML with its keyword
    in ``<strong>`` as the site shows it, so that a front end need not rebuild it."""

    # Required in drafts too: an empty recommendation is nothing to keep, and the keyword
    # is checked against it.
    statement = blocks.TextBlock(
        label=_("Recommendation"),
        help_text=_("The recommendation in one or two sentences."),
        required_on_save=True,
    )
    keyword = blocks.CharBlock(
        label=_("Highlighted keyword"),
        max_length=80,
        required=False,
        help_text=_("A word or phrase from the recommendation to show in bold."),
    )

    class Meta:
        icon = "tick-inverse"
        template = "clusterdirectory/blocks/recommendation_block.html"
        preview_template = PREVIEW_TEMPLATE
        value_class = RecommendationValue
        label = _("Recommendation")
        description = _("A numbered recommendation with a highlighted keyword.")
        preview_value = {
            "statement": "Initiate a labour mobility programme targeted at all triple helix "
            "actors in the border region.",
            "keyword": "labour mobility",
        }

    def clean(self, value):
        value = super().clean(value)
        error = keyword_error(value.get("statement", ""), value.get("keyword", ""))
        if error:
            raise blocks.StructBlockValidationError(block_errors={"keyword": error})
        return value

    def get_api_representation(self, value, context=None):
        return {
            **super().get_api_representation(value, context),
            "highlighted": str(value.highlighted()),
        }

"""What the plugin's page types share."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..blocks import PREVIEW_TEMPLATE, APIImageBlock
from .tags import industry_names

BODY_BLOCKS = [
    (
        "heading",
        blocks.CharBlock(
            form_classname="title",
            icon="title",
            label=_("Heading"),
            help_text=_("A heading that starts a new section of the text."),
            preview_value="What the clusters learned",
            preview_template=PREVIEW_TEMPLATE,
        ),
    ),
    (
        "paragraph",
        blocks.RichTextBlock(
            label=_("Paragraph"),
            icon="pilcrow",
            help_text=_("Text with bold, italics, links and lists."),
            preview_value=(
                "<p>Twelve clusters from Southern Denmark and Schleswig-Holstein met in "
                "Flensburg to plan <b>joint projects</b> in wind energy and food.</p>"
            ),
            preview_template=PREVIEW_TEMPLATE,
        ),
    ),
    ("image", APIImageBlock(label=_("Image"))),
]


class InLanguageTreeMixin:
    """For the index pages: they belong in a language's tree (under a home page, say), never
    straight under Wagtail's root page, whose children are the trees' roots."""

    @classmethod
    def can_exist_under(cls, parent):
        return not parent.is_root() and super().can_exist_under(parent)


class IndustryNamesMixin:
    """Gives templates the page's industry tags (``industry_items``) and their names in the
    visitor's language (``industry_names``), in two queries however many tags there are."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["industry_items"] = list(self.tagged_items.select_related("tag"))
        context["industry_names"] = industry_names()
        return context


class SocialImageMixin(models.Model):
    """An image for link previews when the page is shared (Open Graph), on the promote tab
    beside Wagtail's SEO title and search description."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social media. Without one, the page's own image "
            "or logo is used."
        ),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

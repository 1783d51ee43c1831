"""What the plugin's page types share."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..blocks import PREVIEW_TEMPLATE, APIImageBlock
from ..spelling import spellings
from ..taxonomy.models import IndustryTagName, industry_names

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


class IndustryNames(dict):
    """Tag names in one language: those of a page's own tags at first, all of them (one more
    query) as soon as another tag is looked up."""

    def __init__(self, names, language_code):
        super().__init__(names)
        self.language_code = language_code
        self.complete = False

    def get(self, key, default=None):
        if key not in self and not self.complete:
            self.update(industry_names(self.language_code))
            self.complete = True
        return super().get(key, default)


class IndustryNamesMixin:
    """Gives templates the page's industry tags (``industry_items``) and their names in the
    visitor's language (``industry_names``), in one query however many tags there are."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language_code = get_language()
        tagged = self.tagged_items.select_related("tag")
        if not hasattr(tagged, "annotate"):  # a preview's unsaved tags (modelcluster)
            context["industry_items"] = list(tagged)
            context["industry_names"] = industry_names(language_code)
            return context
        name = IndustryTagName.objects.filter(
            tag=OuterRef("tag_id"), locale__language_code=language_code
        ).values("name")[:1]
        items = list(tagged.annotate(local_name=Subquery(name)))
        context["industry_items"] = items
        context["industry_names"] = IndustryNames(
            {item.tag_id: item.local_name for item in items if item.local_name}, language_code
        )
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


class ImageAltTextMixin(models.Model):
    """The alternative text of a page's ``image`` in the page's own language: an image's
    description is one text for every page that shows it, in one language, and translators
    translate pages, not images (Wagtail's ``ImageBlock`` keeps its alt text per use too)."""

    image_alt = models.CharField(
        _("image's alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for visitors who cannot see it, in this page's language. "
            "Empty: the image's own description."
        ),
    )

    class Meta:
        abstract = True

    @property
    def image_alt_text(self):
        if self.image_alt or self.image is None:
            return self.image_alt
        return self.image.default_alt_text


class SearchSpellingsMixin:
    """Pages found in the spellings visitors on both sides of the border use (``spelling.py``):
    a page type adds ``SEARCH_SPELLINGS`` to its ``search_fields``, and the search index gets
    its searched text in those spellings too, its title also for the admin's search as you
    type."""

    def search_spellings(self):
        texts = []
        for field in self.search_fields:
            if isinstance(field, index.RelatedFields):
                related = getattr(self, field.field_name)
                for item in related.all() if hasattr(related, "all") else [related]:
                    texts += [
                        str(getattr(item, sub.field_name, "") or "")
                        for sub in field.fields
                        if isinstance(sub, index.SearchField)
                    ]
            elif isinstance(field, index.SearchField) and field.field_name != "search_spellings":
                texts += searchable_text(self, field.field_name)
        return spellings(*texts)

    def title_spellings(self):
        return spellings(self.title)


SEARCH_SPELLINGS = [
    index.SearchField("search_spellings"),
    index.AutocompleteField("title_spellings"),
]


def searchable_text(page, name):
    """The text of ``page``'s field ``name`` as the search index reads it (rich text and
    blocks without their markup)."""
    value = getattr(page, name, None)
    try:
        model_field = page._meta.get_field(name)
    except FieldDoesNotExist:
        return [str((value() if callable(value) else value) or "")]
    if hasattr(model_field, "get_searchable_content"):
        return [str(text) for text in model_field.get_searchable_content(value)]
    return [str(value or "")]

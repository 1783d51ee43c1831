"""Blocks editors assemble the home page and general pages from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from clusterdirectory.blocks import (
    APIImageBlock,
    APIImageChooserBlock,
    FeaturedClustersBlock,
    LatestCaseStudiesBlock,
    StatisticsBlock,
    UpcomingEventsBlock,
)


class LinkValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        return page.localized.url if page else self.get("external_url", "")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(
        label=_("Link to a page"), required=False, help_text=_("Or give a web address below.")
    )
    external_url = blocks.URLBlock(label=_("Link to a web address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give a web address."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        value_class = LinkValue
        label = _("Call to action")
        description = _("A heading, a short text and a button.")
        preview_value = {
            "heading": "Find your new project partner",
            "text": "Register your cluster and meet partners across the border.",
            "button_label": "Register your cluster",
            "external_url": "https://example.com/",
        }


class HeroBlock(CallToActionBlock):
    image = APIImageChooserBlock(label=_("Background image"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60, required=False)

    def clean(self, value):
        return blocks.StructBlock.clean(self, value)

    class Meta:
        icon = "image"
        template = "home/blocks/hero_block.html"
        value_class = LinkValue
        label = _("Hero")
        description = _("The large banner at the top of a page.")
        preview_value = {
            "heading": "Innovation in Transnational Networks",
            "text": "Clusters on both sides of the Danish-German border, working together.",
        }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading.")
        preview_value = {"text": "Challenges and successes", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of who said it.")
        preview_value = {
            "quote": "Internationalization of clusters is needed.",
            "attribution": "InTra-Net",
        }


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=160)
    role = blocks.CharBlock(label=_("Role"), max_length=160, required=False)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=160, required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=40, required=False)
    photo = APIImageChooserBlock(label=_("Photo"), required=False)

    class Meta:
        icon = "user"
        label = _("Person")


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=160, required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("People"))

    class Meta:
        icon = "group"
        template = "home/blocks/people_block.html"
        label = _("People")
        description = _("A list of people, such as the advisory board or the project team.")
        preview_value = {
            "heading": "Project team",
            "people": [{"name": "Jesper Lund", "role": "Project Manager", "organisation": "REG X"}],
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False)
    logo = APIImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "site"
        label = _("Partner")


class PartnersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=160, required=False)
    partners = blocks.ListBlock(PartnerBlock(), label=_("Partners"))

    class Meta:
        icon = "site"
        template = "home/blocks/partners_block.html"
        label = _("Partners and logos")
        description = _("Partner organisations or funders, with their logos.")
        preview_value = {
            "heading": "Project partners",
            "partners": [
                {"name": "REG X", "description": "The Danish Cluster Academy"},
                {
                    "name": "WTSH",
                    "description": "Wirtschaftsförderung und Technologietransfer "
                    "Schleswig-Holstein",
                },
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 220.000 €"))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "table"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=160, required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"))

    class Meta:
        icon = "table"
        template = "home/blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("A few numbers in large type, each with what it counts.")
        preview_value = {
            "heading": "The project in numbers",
            "figures": [
                {"figure": "21", "label": "participating clusters"},
                {"figure": "220.000 €", "label": "from the European Regional Development Fund"},
            ],
        }


class CaptionedImageBlock(APIImageBlock):
    class Meta:
        icon = "image"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


STANDARD_BLOCKS = [
    ("heading", HeadingBlock()),
    (
        "paragraph",
        blocks.RichTextBlock(
            label=_("Paragraph"),
            icon="pilcrow",
            features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        ),
    ),
    ("image", CaptionedImageBlock()),
    ("quote", QuoteBlock()),
    ("call_to_action", CallToActionBlock()),
    ("people", PeopleBlock()),
    ("partners", PartnersBlock()),
    ("key_figures", KeyFiguresBlock()),
    ("cluster_statistics", StatisticsBlock()),
]

HOME_BLOCKS = [
    ("hero", HeroBlock()),
    *STANDARD_BLOCKS,
    ("featured_clusters", FeaturedClustersBlock()),
    ("upcoming_events", UpcomingEventsBlock()),
    ("latest_case_studies", LatestCaseStudiesBlock()),
]

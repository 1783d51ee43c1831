"""Blocks editors assemble the home page and general pages from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page

from clusterdirectory.blocks import APIImageBlock, APIImageChooserBlock
from clusterdirectory.content_blocks import (
    FeaturedClustersBlock,
    LatestCaseStudiesBlock,
    StatisticsBlock,
    UpcomingEventsBlock,
    api_locale,
)
from clusterdirectory.models import ClusterPage
from clusterdirectory.taxonomy.filters import through_model


class LinkValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        return page.localized.url if page else self.get("external_url", "")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("What visitors should do, e.g. 'Find your new project partner'."),
    )
    text = blocks.TextBlock(
        label=_("Text"), required=False, help_text=_("One or two sentences saying why.")
    )
    button_label = blocks.CharBlock(
        label=_("Button label"),
        max_length=60,
        help_text=_("A few words on the button, e.g. 'Register your cluster'."),
    )
    page = blocks.PageChooserBlock(
        label=_("Link to a page"),
        required=False,
        help_text=_(
            "The page the button opens; visitors get it in their language. "
            "Or give a web address below."
        ),
    )
    external_url = blocks.URLBlock(
        label=_("Link to a web address"),
        required=False,
        help_text=_("Only for a page outside this site, starting with https://"),
    )

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
    image = APIImageChooserBlock(
        label=_("Background image"),
        required=False,
        help_text=_("A wide photo behind the heading, at least 1600 pixels wide."),
    )
    button_label = blocks.CharBlock(
        label=_("Button label"),
        max_length=60,
        required=False,
        help_text=_("Leave empty for a banner without a button."),
    )

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
            "button_label": "Meet the clusters",
            "external_url": "https://example.com/",
        }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        help_text=_("A short title for the section that follows."),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("A sub-heading divides a section; screen readers use the levels to navigate."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading.")
        preview_value = {"text": "Challenges and successes", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), help_text=_("The words, without quotation marks."))
    attribution = blocks.CharBlock(
        label=_("Said by"),
        max_length=160,
        required=False,
        help_text=_("Name and role, e.g. 'Jan Jensen, Managing Director, CEwind'."),
    )

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
    name = blocks.CharBlock(
        label=_("Name"), max_length=160, help_text=_("First and last name, e.g. 'Jesper Lund'.")
    )
    role = blocks.CharBlock(
        label=_("Role"),
        max_length=160,
        required=False,
        help_text=_("The person's role in the project, e.g. 'Project Manager'."),
    )
    organisation = blocks.CharBlock(
        label=_("Organisation"),
        max_length=160,
        required=False,
        help_text=_("Where the person works, e.g. 'REG X'."),
    )
    email = blocks.EmailBlock(
        label=_("E-mail"), required=False, help_text=_("Shown as a link visitors can write to.")
    )
    phone = blocks.CharBlock(
        label=_("Phone"),
        max_length=40,
        required=False,
        help_text=_("International format: +45 6550 1344"),
    )
    photo = APIImageChooserBlock(
        label=_("Photo"), required=False, help_text=_("A portrait, ideally square.")
    )

    class Meta:
        icon = "user"
        label = _("Person")
        description = _("One person with role, organisation and contact details.")


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        required=False,
        help_text=_("Shown above the people, e.g. 'Advisory board'. Leave empty for none."),
    )
    people = blocks.ListBlock(
        PersonBlock(), label=_("People"), help_text=_("In the order they should appear.")
    )

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
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=160,
        help_text=_("The organisation's name, e.g. 'WTSH'."),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        help_text=_("One sentence on who they are or what they do in the project."),
    )
    logo = APIImageChooserBlock(
        label=_("Logo"), required=False, help_text=_("The organisation's logo, if it has one.")
    )
    url = blocks.URLBlock(
        label=_("Website"), required=False, help_text=_("The organisation's website.")
    )

    class Meta:
        icon = "site"
        label = _("Partner")
        description = _("One partner organisation or funder.")


class PartnersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        required=False,
        help_text=_("Shown above the logos, e.g. 'Project partners'. Leave empty for none."),
    )
    partners = blocks.ListBlock(
        PartnerBlock(), label=_("Partners"), help_text=_("In the order they should appear.")
    )

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


class KeyFigureValue(blocks.StructValue):
    def shown(self, locale):
        """The figure as shown: counted now in ``locale`` when the editor chose a count."""
        count = self.get("count")
        if count == KeyFigureBlock.CLUSTERS:
            return str(live_clusters(locale).count())
        if count == KeyFigureBlock.INDUSTRIES:
            clusters = live_clusters(locale).values("pk")
            tagged = through_model(ClusterPage).objects.filter(content_object__in=clusters)
            return str(tagged.values("tag").distinct().count())
        return self.get("figure") or ""


def live_clusters(locale):
    return ClusterPage.objects.live().public().filter(locale=locale)


class KeyFigureBlock(blocks.StructBlock):
    CLUSTERS, INDUSTRIES = "clusters", "industries"

    figure = blocks.CharBlock(
        label=_("Figure"),
        max_length=20,
        required=False,
        help_text=_(
            "The number in large type, with its unit, e.g. 220.000 €. Leave empty to count instead."
        ),
    )
    count = blocks.ChoiceBlock(
        label=_("Or count"),
        choices=[
            (CLUSTERS, _("The published clusters")),
            (INDUSTRIES, _("The industries of the published clusters")),
        ],
        required=False,
        help_text=_("Counted in the page's language whenever it is shown, so it stays true."),
    )
    label = blocks.CharBlock(
        label=_("What it counts"),
        max_length=120,
        help_text=_("Shown under the number, e.g. 'from the European Regional Development Fund'."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("figure")) == bool(value.get("count")):
            error = ValidationError(_("Type a figure or choose what to count, not both."))
            raise blocks.StructBlockValidationError(block_errors={"figure": error})
        return value

    def get_api_representation(self, value, context=None):
        shown = value.shown(api_locale(context))
        return {**super().get_api_representation(value, context), "shown": shown}

    class Meta:
        icon = "table"
        label = _("Key figure")
        description = _("One number and what it counts.")
        value_class = KeyFigureValue


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        required=False,
        help_text=_("Shown above the figures, e.g. 'In numbers'. Leave empty for none."),
    )
    figures = blocks.ListBlock(
        KeyFigureBlock(), label=_("Figures"), help_text=_("Three or four figures work best.")
    )

    def get_context(self, value, parent_context=None):
        """``figures``: each figure as shown, counted in the page's language."""
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale = page.locale if isinstance(page, Page) else Locale.get_active()
        context["figures"] = [
            {"figure": item.shown(locale), "label": item["label"]} for item in value["figures"]
        ]
        return context

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
            help_text=_("Text with sub-headings, bold, italics, links, lists and documents."),
            preview_value=(
                "<p>InTra-Net brings together <b>about 20 business clusters</b> from Southern "
                "Denmark and Schleswig-Holstein to find partners across the border.</p>"
            ),
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

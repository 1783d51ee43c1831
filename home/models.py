from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
    TranslatableMixin,
)
from wagtail.search import index

from clusterdirectory.headless import OptionalHeadlessPreviewMixin
from clusterdirectory.models import SEARCH_SPELLINGS, SearchSpellingsMixin, SocialImageMixin

from .blocks import HOME_BLOCKS, STANDARD_BLOCKS


class HomePage(SearchSpellingsMixin, SocialImageMixin, OptionalHeadlessPreviewMixin, Page):
    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "clusterdirectory.ClusterIndexPage",
        "clusterdirectory.EventIndexPage",
        "clusterdirectory.CaseStudyIndexPage",
    ]

    body = StreamField(
        HOME_BLOCKS,
        verbose_name=_("body"),
        blank=True,
        help_text=_("Hero, introduction, featured clusters, next events, logos: in any order."),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body"), *SEARCH_SPELLINGS]
    api_fields = [APIField("body")]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_exist_under(cls, parent):
        # A home page is the root of a language's tree: straight under Wagtail's root page,
        # not under the placeholder page a new database starts with.
        return parent.is_root() and super().can_exist_under(parent)


class StandardPage(SearchSpellingsMixin, SocialImageMixin, OptionalHeadlessPreviewMixin, Page):
    """About the Project, Contact, Partners, Advisory Board, Project ideas, the final report."""

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A short lead paragraph under the title.")
    )
    body = StreamField(
        STANDARD_BLOCKS,
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's content: headings, text, images, people, partners and more."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        *SEARCH_SPELLINGS,
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="mail")
class NetworkContactSettings(BaseSiteSetting):
    """The network's own contact details, shown in every page's footer."""

    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        blank=True,
        help_text=_("Who runs the network, e.g. 'REG X – The Danish Cluster Academy'."),
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("As on a letter, one line per line.")
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("The address visitors write to with questions.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("International format: +45 6550 1344"),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The network's or project's own website, starting with https://"),
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page with the site's accessibility statement, linked from every page's "
            "footer in the visitor's language (as Danish and German public bodies must)."
        ),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("network contact details")


@register_setting(icon="image")
class FundingLogos(ClusterableModel, BaseSiteSetting):
    """The funders' logos at the top of every page: an EU-funded project shows the Union's
    emblem with its reference to the Union where a visitor lands, without scrolling, at least
    as large as any other logo (Commission Implementing Regulation (EU) No 821/2014,
    Article 4). The header's styles keep the emblem at least as high as every other logo."""

    panels = [InlinePanel("logos", heading=_("Logos"), label=_("logo"))]

    class Meta:
        verbose_name = _("funding logos")


class FundingLogo(Orderable):
    """A logo of the header. Site settings are not translated by wagtail-localize, so its
    text has a field per language, which staff fill in the settings' one form."""

    settings = ParentalKey(FundingLogos, on_delete=models.CASCADE, related_name="logos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The logo as its owner provides it. The header shows it 48 pixels high."),
    )
    is_union_emblem = models.BooleanField(
        _("EU emblem"),
        default=False,
        help_text=_(
            "Shown at least as high as every other logo, with its text written out beside it."
        ),
    )
    text_en = models.CharField(
        _("text in English"),
        max_length=200,
        help_text=_(
            "For the EU emblem, the reference to the Union written out beside it, e.g. "
            "'European Union – European Regional Development Fund'. For another logo, its "
            "name, which screen readers read out instead of the image."
        ),
    )
    text_da = models.CharField(
        _("text in Danish"), max_length=200, blank=True, help_text=_("Empty: the English text.")
    )
    text_de = models.CharField(
        _("text in German"), max_length=200, blank=True, help_text=_("Empty: the English text.")
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("is_union_emblem"),
        FieldPanel("text_en"),
        FieldPanel("text_da"),
        FieldPanel("text_de"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("funding logo")
        verbose_name_plural = _("funding logos")

    def __str__(self):
        return self.text_en

    def text_in(self, language_code):
        """``(text, its language code)``: in ``language_code`` where given, else English."""
        text = getattr(self, f"text_{language_code}", "")
        return (text, language_code) if text else (self.text_en, "en")


def network_contact_for(page, request=None):
    """``(name, e-mail)`` of the network's contact on ``page``'s site, who receives messages
    for clusters without their own contact (``CLUSTERDIRECTORY["CONTACT_FALLBACK"]``)."""
    if request is not None:  # the site and its settings, found once per request
        site = Site.find_for_request(request)
        contact = NetworkContactSettings.for_request(request)
    else:
        site = page.get_site()
        contact = NetworkContactSettings.for_site(site) if site else None
    if contact is None or not contact.email:
        return None
    return (contact.organisation or site.site_name, contact.email)


class Menu(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    """The links of the header or the footer in one language; translators translate the
    labels in wagtail-localize like any other snippet."""

    class Placement(models.TextChoices):
        HEADER = "header", _("Header")
        FOOTER = "footer", _("Footer")

    placement = models.CharField(
        _("placement"),
        max_length=20,
        choices=Placement.choices,
        help_text=_("Where the menu is shown on every page. A language has at most one of each."),
    )

    panels = [
        FieldPanel("placement"),
        InlinePanel("items", heading=_("Links"), label=_("link")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "locale"], name="unique_menu_placement_per_locale"
            )
        ]

    def __str__(self):
        return str(self.get_placement_display())

    def clean(self):
        super().clean()
        # The form has no locale field, so Django leaves the constraint to the database.
        others = Menu.objects.filter(placement=self.placement, locale_id=self.locale_id)
        if self.locale_id and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"placement": _("This language has a menu for this placement already.")}
            )

    def get_preview_template(self, request, mode_name):
        return "home/menu_preview.html"

    def get_preview_context(self, request, mode_name):
        from .menus import menu_links  # menus imports the models

        # A new menu has no locale yet while it is previewed: the editor's language then.
        locale = self.locale if self.locale_id else None
        return {
            **super().get_preview_context(request, mode_name),
            "links": menu_links(self, locale, request),
        }


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown in the visitor's language when the page is translated."),
    )
    link_url = models.URLField(
        _("web address"), blank=True, help_text=_("Or a page on another website.")
    )
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the page's title."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")

    def __str__(self):
        return self.label or (self.link_page and self.link_page.title) or self.link_url

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or a web address."))
        if self.link_url and not self.label:
            raise ValidationError({"label": _("A link to another website needs a label.")})

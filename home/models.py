from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from clusterdirectory.headless import OptionalHeadlessPreviewMixin
from clusterdirectory.models import SocialImageMixin
from pagecache.store import cached

from .blocks import HOME_BLOCKS, STANDARD_BLOCKS


class HomePage(SocialImageMixin, OptionalHeadlessPreviewMixin, Page):
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
    search_fields = Page.search_fields + [index.SearchField("body")]
    api_fields = [APIField("body")]

    class Meta:
        verbose_name = _("home page")


class StandardPage(SocialImageMixin, OptionalHeadlessPreviewMixin, Page):
    """About the Project, Contact, Partners, Advisory Board, Project ideas, the final report."""

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A short lead paragraph under the title.")
    )
    body = StreamField(STANDARD_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="mail")
class NetworkContactSettings(BaseSiteSetting):
    """The network's own contact details, shown in every page's footer."""

    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("website"),
    ]

    class Meta:
        verbose_name = _("network contact details")

    @classmethod
    def for_request(cls, request):
        # Every page's footer reads these; kept until the next content change.
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        return cached(f"network-contact:{site.pk}", lambda: cls.for_site(site))

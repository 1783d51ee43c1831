"""Matchpoint: the cluster directory, its profiles and their hand-picked partners."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..api_fields import (
    LOGO_RENDITION,
    AddressField,
    ContactField,
    IndustriesField,
    PotentialPartnersField,
    ResponsiveImageField,
)
from ..blocks import ListItemBlock
from ..choices import Country
from ..contact.recipient import contact_recipient
from ..export import csv_export, json_export
from ..geocoding import geocode
from ..headless import OptionalHeadlessPreviewMixin
from ..listing import SEARCHED_FIELDS, cluster_listing, cluster_search_text
from ..partners import potential_partners
from ..taxonomy.autocomplete import IndustryTagWidget
from ..taxonomy.models import ClusterPageTag
from .mixins import (
    SEARCH_SPELLINGS,
    IndustryNamesMixin,
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
)


class ClusterIndexPage(
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    RoutablePageMixin,
    Page,
):
    """Matchpoint: the directory of participating clusters, filtered by visitors, and the
    form through which a cluster registers itself (``register/``)."""

    template = "clusterdirectory/cluster_index_page.html"
    subpage_types = ["clusterdirectory.ClusterPage"]
    max_count_per_parent = 1

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of clusters."),
    )
    registration_introduction = RichTextField(
        _("registration introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the registration form: who may register and why."),
    )
    registration_thanks = RichTextField(
        _("registration thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown after a cluster has registered. Say what happens next, e.g. that the "
            "network's staff review the profile before it is published."
        ),
    )
    open_data_licence = models.CharField(
        _("open-data licence"),
        max_length=255,
        blank=True,
        default="Creative Commons Attribution 4.0 (CC BY 4.0)",
        help_text=_("Printed in the directory's CSV and JSON exports."),
    )
    open_data_licence_url = models.URLField(
        _("open-data licence link"),
        blank=True,
        default="https://creativecommons.org/licenses/by/4.0/",
        help_text=_("The web address of the licence's full text, printed beside its name."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page that explains how contact data is stored. The registration and contact "
            "forms link to it next to the consent box."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("registration_introduction"),
                FieldPanel("registration_thanks"),
                PageChooserPanel("privacy_page"),
            ],
            heading=_("Registration form"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_data_licence"), FieldPanel("open_data_licence_url")],
            heading=_("Open data export"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), *SEARCH_SPELLINGS]
    api_fields = [
        APIField("introduction"),
        APIField("registration_introduction"),
        APIField("registration_thanks"),
    ]

    class Meta:
        verbose_name = _("cluster index page")

    def clusters(self):
        """Live, public clusters of this index, in alphabetical order."""
        return ClusterPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(cluster_listing(self, request))
        return context

    def localized_privacy_page(self):
        """The privacy page in this index's language, if editors chose one and it is live."""
        page = self.privacy_page
        if page is None:
            return None
        page = page.get_translation_or_none(self.locale_id) or page
        return page if page.live else None

    @path("register/")
    def register(self, request):
        # Views import the models: imported when a route is first served.
        from ..registration.views import register

        return register(request, self)

    @path("register/thanks/")
    def register_thanks(self, request):
        from ..registration.views import thanks

        return thanks(request, self)

    @path("follow/")
    def follow(self, request):
        from ..following import views

        return views.follow(request, self)

    @path("follow/sent/")
    def follow_sent(self, request):
        from ..following import views

        return views.sent(request, self)

    @re_path(r"^follow/confirm/(?P<token>[\w-]+)/$")
    def follow_confirm(self, request, token):
        from ..following import views

        return views.confirm_view(request, self, token)

    @re_path(r"^follow/unsubscribe/(?P<token>[\w-]+)/$")
    def unsubscribe(self, request, token):
        from ..following import views

        return views.unsubscribe(request, self, token)

    # Routes are resolved with a trailing slash added; reversed, ``/?`` gives none. The URL
    # needs clusterdirectory.urls: Wagtail's own pattern does not serve a path with a dot.
    @re_path(r"^export\.csv/?$", name="export_csv")
    def export_csv(self, request):
        """The directory as open data, see ``export.py``."""
        return csv_export(self, request)

    @re_path(r"^export\.json/?$", name="export_json")
    def export_json(self, request):
        return json_export(self, request)


class ClusterPage(
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    RoutablePageMixin,
    IndustryNamesMixin,
    Page,
):
    template = "clusterdirectory/cluster_page.html"
    parent_page_types = ["clusterdirectory.ClusterIndexPage"]
    subpage_types = []

    street = models.CharField(
        _("street"),
        max_length=255,
        blank=True,
        help_text=_("Street and number of the cluster's office, e.g. 'Lise-Meitner-Straße 2'."),
    )
    po_box = models.CharField(
        _("PO box"), max_length=50, blank=True, help_text=_("Only if the cluster uses one.")
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, help_text=_("For example: 6000 or 24941")
    )
    city = models.CharField(
        _("city"),
        max_length=100,
        blank=True,
        help_text=_("Shown on the cluster's card in the directory, e.g. 'Kolding'."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=Country.choices,
        help_text=_(
            "Visitors filter the directory by country, and partners are suggested from the "
            "other side of the border."
        ),
    )
    # Where the map shows the cluster (WGS 84 degrees); none: not on the map.
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Click the map to set it, or type it, e.g. 54.7752."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("E.g. 9.4521. Without both, the cluster is not on the map."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The cluster's own website, starting with https://"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the profile and on the cluster's card. A wide logo works best."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=255,
        blank=True,
        help_text=_("Full name of the person visitors can contact, e.g. 'Jan Jensen'."),
    )
    contact_title = models.CharField(
        _("job title"), max_length=255, blank=True, help_text=_("For example: Managing Director")
    )
    contact_email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Messages from the contact form on the profile are sent here."),
    )
    show_contact_email = models.BooleanField(
        _("show e-mail on the profile"),
        default=False,
        help_text=_(
            "Only tick this if the cluster agreed to publish the address. Visitors can always "
            "write through the profile's contact form, which does not reveal it."
        ),
    )
    contact_phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format: +45 2035 3255")
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text=_("Four digits, e.g. 2009. Leave empty if unknown."),
    )
    founded_note = models.CharField(
        _("founded (note)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional detail, e.g. '2005 as a research initiative, 2009 as a legal entity'"
        ),
    )
    members_count = models.PositiveIntegerField(
        _("number of members"),
        null=True,
        blank=True,
        help_text=_("How many companies and organisations are members today, e.g. 42."),
    )
    members_description = models.TextField(
        _("member mix"),
        blank=True,
        help_text=_("Who the members are, e.g. 'Industrial members within the aluminium industry'"),
    )
    industries = ClusterTaggableManager(
        through=ClusterPageTag,
        blank=True,
        verbose_name=_("industries"),
        help_text=_("Industry tags visitors filter by. Choose existing tags where possible."),
    )
    focus_areas = models.TextField(
        _("focus business areas"),
        blank=True,
        help_text=_(
            "What the cluster works on. Separate areas with commas or new lines: shared areas "
            "link clusters as potential partners."
        ),
    )
    services = StreamField(
        [
            (
                "service",
                ListItemBlock(
                    label=_("Service"),
                    help_text=_("One service, e.g. 'Matchmaking with partners across the border'."),
                    preview_value="Matchmaking with partners across the border",
                ),
            )
        ],
        verbose_name=_("services"),
        blank=True,
        help_text=_("What the cluster offers members and partners, one service per item."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        help_text=_("The cluster in a few paragraphs: its aims, its members and its projects."),
    )
    # The directory's search reads this, not the fields: see listing.cluster_search_text.
    search_text = models.TextField(editable=False, blank=True, default="")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("description"),
                FieldPanel("logo"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("founded_year"), FieldPanel("founded_note")]),
                FieldPanel("members_count"),
                FieldPanel("members_description"),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("po_box"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel(
                    [FieldPanel("latitude"), FieldPanel("longitude")],
                    classname="cluster-location",  # the editor's map (location-map.js)
                ),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_title")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("show_contact_email"),
            ],
            heading=_("Contact person"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("industries", widget=IndustryTagWidget),
                FieldPanel("focus_areas"),
                FieldPanel("services"),
            ],
            heading=_("Industries and services"),
        ),
        MultipleChooserPanel(
            "partner_links",
            chooser_field_name="partner",
            heading=_("Partners chosen by the editors"),
            label=_("Partner"),
            help_text=_(
                "Shown first under 'Potential partners across the border', in this order. "
                "Suggestions by shared industries follow."
            ),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("focus_areas"),
        index.SearchField("description"),
        index.SearchField("members_description"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.RelatedFields("industries", [index.SearchField("name")]),
        *SEARCH_SPELLINGS,
    ]
    api_fields = [
        APIField("address", serializer=AddressField()),
        APIField("website"),
        APIField("logo", serializer=ResponsiveImageField(LOGO_RENDITION)),
        APIField("contact", serializer=ContactField()),
        APIField("founded_year"),
        APIField("founded_note"),
        APIField("members_count"),
        APIField("members_description"),
        APIField("industries", serializer=IndustriesField()),
        APIField("focus_areas"),
        APIField("services"),
        APIField("description"),
        APIField("potential_partners", serializer=PotentialPartnersField()),
    ]
    override_translatable_fields = [
        SynchronizedField("street"),
        SynchronizedField("po_box"),
        SynchronizedField("postcode"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_phone"),
        SynchronizedField("show_contact_email"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta:
        verbose_name = _("cluster page")

    @classmethod
    def live_in(cls, locale=None):
        """Live, public clusters in one language (``locale``: a Locale or its pk), or in
        every language. ``public()`` would look the private sections up again for every
        queryset made from this one; this looks them up once."""
        clusters = cls.objects.live().exclude(cls.objects.private_q())
        if locale is None:
            return clusters
        return clusters.filter(locale_id=getattr(locale, "pk", locale))

    def save(self, *args, update_fields=None, **kwargs):
        self.search_text = cluster_search_text(self)
        if update_fields is not None and set(update_fields) & set(SEARCHED_FIELDS):
            update_fields = [*update_fields, "search_text"]
        return super().save(*args, update_fields=update_fields, **kwargs)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
        if self.latitude is None and self.city:
            self.latitude, self.longitude = geocode(self) or (None, None)

    @path("contact/")
    def contact(self, request):
        # Views import the models: imported when a route is first served.
        from ..contact.views import contact

        return contact(request, self)

    @path("contact/thanks/")
    def contact_thanks(self, request):
        from ..contact.views import thanks

        return thanks(request, self)

    @path("update/")
    def profile_update_request(self, request):
        from ..profile_updates import views

        return views.request_link(request, self)

    @path("update/sent/")
    def profile_update_sent(self, request):
        from ..profile_updates import views

        return views.sent(request, self)

    @path("update/done/")
    def profile_update_done(self, request):
        from ..profile_updates import views

        return views.done(request, self)

    @re_path(r"^update/(?P<token>[\w-]+)/$")  # after sent/ and done/
    def profile_update(self, request, token):
        from ..profile_updates import views

        return views.edit(request, self, token)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact_recipient"] = contact_recipient(self, request)
        context["potential_partners"] = potential_partners(
            self,
            tags=[item.tag for item in context["industry_items"]],
            names=context["industry_names"],
        )
        return context

    def potential_partners(self):
        """Hand-picked partners, then suggestions across the border (see ``partners.py``)."""
        return potential_partners(self)


class ClusterPartner(Orderable):
    """A potential partner the editors link by hand; shown before the suggestions."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        ClusterPage,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cluster that would be a good partner for this one."),
    )

    panels = [PageChooserPanel("partner", page_type="clusterdirectory.ClusterPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..api_fields import (
    IMAGE_RENDITION,
    LOGO_RENDITION,
    AddressField,
    ContactField,
    IndustriesField,
    PotentialPartnersField,
    RelatedClustersField,
)
from ..blocks import APIImageBlock, ListItemBlock, RecommendationBlock
from ..conf import get_setting
from ..headless import OptionalHeadlessPreviewMixin
from .choices import Country, EventKind
from .tags import CaseStudyPageTag, ClusterPageTag, EventPageTag, NewsPageTag, industry_names

BODY_BLOCKS = [
    ("heading", blocks.CharBlock(form_classname="title", icon="title", label=_("Heading"))),
    ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
    ("image", APIImageBlock(label=_("Image"))),
]


class IndustryNamesMixin:
    """Gives templates the page's industry tags (``industry_items``) and their names in the
    visitor's language (``industry_names``), in two queries however many tags there are."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["industry_items"] = list(self.tagged_items.select_related("tag"))
        context["industry_names"] = industry_names()
        return context


class ClusterIndexPage(OptionalHeadlessPreviewMixin, RoutablePageMixin, Page):
    """Matchpoint: the directory of participating clusters, filtered by visitors, and the
    form through which a cluster registers itself (``register/``)."""

    template = "clusterdirectory/cluster_index_page.html"
    subpage_types = ["clusterdirectory.ClusterPage"]

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
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
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
        from ..listing import cluster_listing  # listing imports these models

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
        from ..registration.views import register  # the views import these models

        return register(request, self)

    @path("register/thanks/")
    def register_thanks(self, request):
        from ..registration.views import thanks

        return thanks(request, self)


class ClusterPage(OptionalHeadlessPreviewMixin, RoutablePageMixin, IndustryNamesMixin, Page):
    template = "clusterdirectory/cluster_page.html"
    parent_page_types = ["clusterdirectory.ClusterIndexPage"]
    subpage_types = []

    street = models.CharField(_("street"), max_length=255, blank=True)
    po_box = models.CharField(_("PO box"), max_length=50, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
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
    )
    founded_note = models.CharField(
        _("founded (note)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional detail, e.g. '2005 as a research initiative, 2009 as a legal entity'"
        ),
    )
    members_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
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
        [("service", ListItemBlock(label=_("Service")))],
        verbose_name=_("services"),
        blank=True,
        help_text=_("One service per item."),
    )
    description = RichTextField(_("description"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("po_box"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Address and website"),
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
                FieldRowPanel([FieldPanel("founded_year"), FieldPanel("founded_note")]),
                FieldPanel("members_count"),
                FieldPanel("members_description"),
            ],
            heading=_("Founded and members"),
        ),
        MultiFieldPanel(
            [FieldPanel("industries"), FieldPanel("focus_areas"), FieldPanel("services")],
            heading=_("Industry and services"),
        ),
        FieldPanel("description"),
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
    ]
    api_fields = [
        APIField("address", serializer=AddressField()),
        APIField("website"),
        APIField("logo", serializer=ImageRenditionField(LOGO_RENDITION)),
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
    ]

    class Meta:
        verbose_name = _("cluster page")

    @path("contact/")
    def contact(self, request):
        from ..contact.views import contact  # the views import these models

        return contact(request, self)

    @path("contact/thanks/")
    def contact_thanks(self, request):
        from ..contact.views import thanks

        return thanks(request, self)

    def potential_partners(self):
        """Hand-picked partners, then suggestions across the border (see ``partners.py``)."""
        from ..partners import potential_partners  # partners imports these models

        return potential_partners(self)


class ClusterPartner(Orderable):
    """A potential partner the editors link by hand; shown before the suggestions."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        ClusterPage,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("partner", page_type="clusterdirectory.ClusterPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class EventIndexPage(OptionalHeadlessPreviewMixin, Page):
    """News and Events: upcoming and past events listed apart, and news articles."""

    template = "clusterdirectory/event_index_page.html"
    subpage_types = ["clusterdirectory.EventPage", "clusterdirectory.NewsPage"]

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public().select_related("image")
        now = timezone.now()
        context["upcoming_events"] = events.filter(ends_at__gte=now).order_by("starts_at")
        past = events.filter(ends_at__lt=now).order_by("-starts_at")
        context["past_events"] = Paginator(past, get_setting("EVENTS_PER_PAGE")).get_page(
            request.GET.get("page")
        )
        context["news"] = NewsPage.objects.child_of(self).live().public().order_by("-date")[:10]
        return context


class EventPage(OptionalHeadlessPreviewMixin, IndustryNamesMixin, Page):
    template = "clusterdirectory/event_page.html"
    parent_page_types = ["clusterdirectory.EventIndexPage"]
    subpage_types = []

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(
        _("ends at"), help_text=_("For a multi-day event, the end of the last day.")
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick when only the dates are known; times are then not shown."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    location = models.CharField(_("location"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown on cards."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_topics = StreamField(
        [("topic", ListItemBlock(label=_("Topic")))],
        verbose_name=_("focus topics"),
        blank=True,
        help_text=_("One topic per item, e.g. 'Open innovation'."),
    )
    programme = StreamField(
        BODY_BLOCKS,
        verbose_name=_("programme"),
        blank=True,
        help_text=_("The agenda and any detail visitors need."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Where visitors sign up.")
    )
    industries = ClusterTaggableManager(
        through=EventPageTag, blank=True, verbose_name=_("industries")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("location")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("focus_topics"),
        FieldPanel("programme"),
        FieldPanel("registration_url"),
        FieldPanel("industries"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.SearchField("focus_topics"),
        index.FilterField("starts_at"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("all_day"),
        APIField("kind"),
        APIField("location"),
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField(IMAGE_RENDITION)),
        APIField("focus_topics"),
        APIField("programme"),
        APIField("registration_url"),
        APIField("industries", serializer=IndustriesField()),
    ]

    class Meta:
        verbose_name = _("event page")
        ordering = ["starts_at"]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})

    @property
    def is_single_day(self):
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @classmethod
    def upcoming_in(cls, locale):
        return (
            cls.objects.live()
            .public()
            .filter(locale=locale, ends_at__gte=timezone.now())
            .order_by("starts_at")
        )


class NewsPage(OptionalHeadlessPreviewMixin, IndustryNamesMixin, Page):
    template = "clusterdirectory/news_page.html"
    parent_page_types = ["clusterdirectory.EventIndexPage"]
    subpage_types = []

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown on cards."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)
    industries = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("industries")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("industries"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField(IMAGE_RENDITION)),
        APIField("body"),
        APIField("industries", serializer=IndustriesField()),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class CaseStudyIndexPage(OptionalHeadlessPreviewMixin, Page):
    template = "clusterdirectory/case_study_index_page.html"
    subpage_types = ["clusterdirectory.CaseStudyPage"]

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("case study index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = (
            CaseStudyPage.objects.child_of(self).live().public().order_by("-first_published_at")
        )
        context["case_studies"] = Paginator(
            case_studies, get_setting("CASE_STUDIES_PER_PAGE")
        ).get_page(request.GET.get("page"))
        return context


class CaseStudyPage(OptionalHeadlessPreviewMixin, IndustryNamesMixin, Page):
    template = "clusterdirectory/case_study_page.html"
    parent_page_types = ["clusterdirectory.CaseStudyIndexPage"]
    subpage_types = []

    aim = models.TextField(_("aim"), help_text=_("What the case study set out to find."))
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown on cards."))
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)
    recommendations = StreamField(
        [("recommendation", RecommendationBlock())],
        verbose_name=_("recommendations"),
        blank=True,
        help_text=_("Shown as a numbered list, in this order."),
    )
    regions = StreamField(
        [("region", ListItemBlock(label=_("Region")))],
        verbose_name=_("regions involved"),
        blank=True,
    )
    industries = ClusterTaggableManager(
        through=CaseStudyPageTag, blank=True, verbose_name=_("industries")
    )

    content_panels = Page.content_panels + [
        FieldPanel("aim"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("recommendations"),
        MultipleChooserPanel(
            "related_clusters",
            chooser_field_name="cluster",
            heading=_("Related clusters"),
            label=_("Cluster"),
        ),
        FieldPanel("regions"),
        FieldPanel("industries"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("aim"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("recommendations"),
    ]
    api_fields = [
        APIField("aim"),
        APIField("summary"),
        APIField("body"),
        APIField("recommendations"),
        APIField("related_clusters", serializer=RelatedClustersField()),
        APIField("regions"),
        APIField("industries", serializer=IndustriesField()),
    ]

    class Meta:
        verbose_name = _("case study page")

    @classmethod
    def latest_in(cls, locale):
        return cls.objects.live().public().filter(locale=locale).order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_clusters"] = [
            link.cluster.localized
            for link in self.related_clusters.select_related("cluster")
            if link.cluster.live
        ]
        return context


class CaseStudyRelatedCluster(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_clusters")
    cluster = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("cluster", page_type="clusterdirectory.ClusterPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related cluster")
        verbose_name_plural = _("related clusters")

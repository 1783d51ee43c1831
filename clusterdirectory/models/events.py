"""News and Events: the index, events and news articles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..api_fields import (
    IMAGE_RENDITION,
    ChosenPagesField,
    IndustriesField,
    ResponsiveImageField,
    SubpageUrlField,
)
from ..blocks import ListItemBlock
from ..choices import EventKind
from ..event_listing import event_listing
from ..feeds import AtomNewsFeed, NewsFeed
from ..headless import OptionalHeadlessPreviewMixin
from ..ical import event_calendar, index_calendar
from ..localized import localized_choices
from ..taxonomy.autocomplete import IndustryTagWidget
from ..taxonomy.models import EventPageTag, NewsPageTag
from .mixins import (
    BODY_BLOCKS,
    SEARCH_SPELLINGS,
    ImageAltTextMixin,
    IndustryNamesMixin,
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
)


class EventIndexPage(
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    RoutablePageMixin,
    Page,
):
    """News and Events: upcoming and past events listed apart, and news articles.

    Visitors filter the events by industry and kind (``event_listing.py``), subscribe to them
    in a calendar app (``ical/``, see ``ical.py``) and follow the news (``news/rss/``,
    ``news/atom/``, see ``feeds.py``).
    """

    template = "clusterdirectory/event_index_page.html"
    subpage_types = ["clusterdirectory.EventPage", "clusterdirectory.NewsPage"]
    max_count_per_parent = 1

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the lists of events and news: what visitors find here."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), *SEARCH_SPELLINGS]
    api_fields = [
        APIField("introduction"),
        APIField("calendar_url", serializer=SubpageUrlField("ical")),
        APIField("news_rss_url", serializer=SubpageUrlField("news_rss")),
        APIField("news_atom_url", serializer=SubpageUrlField("news_atom")),
    ]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """Live, public events of this index (its language)."""
        return EventPage.objects.child_of(self).live().public()

    def events_by_id(self):
        """``events()`` in a fixed order, for the facet index (the listing orders by date)."""
        return self.events().order_by("pk")

    def news(self):
        """Live, public news articles of this index, newest first."""
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_listing(self, request))
        return context

    @path("ical/", name="ical")
    def calendar(self, request):
        return index_calendar(self, request)

    @path("news/rss/", name="news_rss")
    def news_rss(self, request):
        return NewsFeed(self)(request)

    @path("news/atom/", name="news_atom")
    def news_atom(self, request):
        return AtomNewsFeed(self)(request)


class EventPage(
    ImageAltTextMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    RoutablePageMixin,
    IndustryNamesMixin,
    Page,
):
    template = "clusterdirectory/event_page.html"
    parent_page_types = ["clusterdirectory.EventIndexPage"]
    subpage_types = []

    starts_at = models.DateTimeField(
        _("starts at"),
        help_text=_("Date and time the event begins."),
    )
    ends_at = models.DateTimeField(
        _("ends at"), help_text=_("For a multi-day event, the end of the last day.")
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick when only the dates are known; times are then not shown."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.WORKSHOP,
        help_text=_("Visitors filter the list of events by kind."),
    )
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Venue and town, e.g. 'Alsion, Sønderborg', or 'Online'."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for the event's card in lists and on the home page."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the event page."),
    )
    focus_topics = StreamField(
        [
            (
                "topic",
                ListItemBlock(
                    label=_("Topic"),
                    help_text=_("One topic, e.g. 'Open innovation'."),
                    preview_value="Open innovation",
                ),
            )
        ],
        verbose_name=_("focus topics"),
        blank=True,
        help_text=_("What the event is about, one topic per item."),
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
        through=EventPageTag,
        blank=True,
        verbose_name=_("industries"),
        help_text=_("Industry tags visitors filter events by. Choose existing tags if you can."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("location")]),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("image"), FieldPanel("image_alt")],
            heading=_("Card and image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("focus_topics"),
                FieldPanel("programme"),
                FieldPanel("industries", widget=IndustryTagWidget),
            ],
            heading=_("Topics and programme"),
        ),
        MultipleChooserPanel(
            "participating_clusters",
            chooser_field_name="cluster",
            heading=_("Clusters taking part"),
            label=_("Cluster"),
            help_text=_("Listed on the event page, in this order."),
        ),
        MultipleChooserPanel(
            "resulting_case_studies",
            chooser_field_name="case_study",
            heading=_("Case studies that came out of this event"),
            label=_("Case study"),
            help_text=_("Linked from the event page, in this order."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.SearchField("focus_topics"),
        index.FilterField("starts_at"),
        index.FilterField("kind"),
        *SEARCH_SPELLINGS,
    ]
    api_fields = [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("all_day"),
        APIField("kind"),
        APIField("location"),
        APIField("summary"),
        APIField("image", serializer=ResponsiveImageField(IMAGE_RENDITION)),
        APIField("image_alt"),
        APIField("focus_topics"),
        APIField("programme"),
        APIField("registration_url"),
        APIField("industries", serializer=IndustriesField()),
        APIField("participating_clusters", serializer=ChosenPagesField("clusters_taking_part")),
        APIField("resulting_case_studies", serializer=ChosenPagesField("case_studies_from_event")),
        APIField("calendar_url", serializer=SubpageUrlField("ical")),
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

    def clusters_taking_part(self):
        """The clusters editors chose, in this event's language where a live translation
        exists, else in their own; clusters neither live nor public are left out."""
        return localized_choices(
            [link.cluster for link in self.participating_clusters.select_related("cluster")],
            self.locale_id,
            fallback=True,
        )

    def case_studies_from_event(self):
        """The case studies editors chose, like ``clusters_taking_part()``."""
        return localized_choices(
            [link.case_study for link in self.resulting_case_studies.select_related("case_study")],
            self.locale_id,
            fallback=True,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clusters_taking_part"] = self.clusters_taking_part()
        context["case_studies_from_event"] = self.case_studies_from_event()
        return context

    @path("ical/", name="ical")
    def calendar(self, request):
        """The event as an .ics file."""
        return event_calendar(self, request)


class NewsPage(
    ImageAltTextMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    IndustryNamesMixin,
    Page,
):
    template = "clusterdirectory/news_page.html"
    parent_page_types = ["clusterdirectory.EventIndexPage"]
    subpage_types = []

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The article's date, shown above it; news are listed newest first."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in the news list and in news feeds."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article."),
    )
    body = StreamField(
        BODY_BLOCKS,
        verbose_name=_("body"),
        blank=True,
        help_text=_("The article: headings, paragraphs and images."),
    )
    industries = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("industries"),
        help_text=_("Industry tags the article is about. Choose existing tags where possible."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("industries", widget=IndustryTagWidget),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        *SEARCH_SPELLINGS,
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("image", serializer=ResponsiveImageField(IMAGE_RENDITION)),
        APIField("image_alt"),
        APIField("body"),
        APIField("industries", serializer=IndustriesField()),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()  # None while previewing a page never saved
        parent = parent.specific if parent else None
        context["news_index"] = parent if isinstance(parent, EventIndexPage) else None
        return context


class EventCluster(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="participating_clusters")
    cluster = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cluster that takes part in the event."),
    )

    panels = [PageChooserPanel("cluster", page_type="clusterdirectory.ClusterPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("cluster taking part")
        verbose_name_plural = _("clusters taking part")


class EventCaseStudy(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="resulting_case_studies")
    case_study = models.ForeignKey(
        "clusterdirectory.CaseStudyPage",
        verbose_name=_("case study"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A case study that grew out of the event."),
    )

    panels = [PageChooserPanel("case_study", page_type="clusterdirectory.CaseStudyPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("case study from this event")
        verbose_name_plural = _("case studies from this event")

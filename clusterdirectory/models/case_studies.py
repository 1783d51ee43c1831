"""Cross-border case studies and their recommendations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..api_fields import (
    IndustriesField,
    RelatedCaseStudiesField,
    RelatedClustersField,
)
from ..blocks import ListItemBlock, RecommendationBlock, keyword_error
from ..case_study_listing import case_study_listing, related_case_studies
from ..headless import OptionalHeadlessPreviewMixin
from ..localized import localized_choices
from ..taxonomy.autocomplete import IndustryTagWidget
from ..taxonomy.models import CaseStudyPageTag
from .clusters import ClusterPage
from .mixins import (
    BODY_BLOCKS,
    SEARCH_SPELLINGS,
    IndustryNamesMixin,
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
)


class CaseStudyIndexPage(
    InLanguageTreeMixin,
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    Page,
):
    template = "clusterdirectory/case_study_index_page.html"
    subpage_types = ["clusterdirectory.CaseStudyPage"]
    max_count_per_parent = 1

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of case studies: what they are and who made them."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), *SEARCH_SPELLINGS]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("case study index page")

    def case_studies(self):
        """Live, public case studies of this index, newest first."""
        return (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(case_study_listing(self, request))
        return context


class CaseStudyPage(
    SearchSpellingsMixin,
    SocialImageMixin,
    OptionalHeadlessPreviewMixin,
    IndustryNamesMixin,
    Page,
):
    template = "clusterdirectory/case_study_page.html"
    parent_page_types = ["clusterdirectory.CaseStudyIndexPage"]
    subpage_types = []

    aim = models.TextField(_("aim"), help_text=_("What the case study set out to find."))
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "One or two sentences for the case study's card in lists and on the home page."
        ),
    )
    body = StreamField(
        BODY_BLOCKS,
        verbose_name=_("body"),
        blank=True,
        help_text=_("The case study itself: what was done and what was learned."),
    )
    recommendations = StreamField(
        [("recommendation", RecommendationBlock())],
        verbose_name=_("recommendations"),
        blank=True,
        help_text=_("Shown as a numbered list, in this order."),
    )
    regions = StreamField(
        [
            (
                "region",
                ListItemBlock(
                    label=_("Region"),
                    help_text=_("One region, e.g. 'Region of Southern Denmark'."),
                    preview_value="Region of Southern Denmark",
                ),
            )
        ],
        verbose_name=_("regions involved"),
        blank=True,
        help_text=_("The regions that took part, one per item."),
    )
    industries = ClusterTaggableManager(
        through=CaseStudyPageTag,
        blank=True,
        verbose_name=_("industries"),
        help_text=_("Industry tags the case study is about; similar case studies are linked."),
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
            help_text=_("Clusters that took part, listed on the case study page in this order."),
        ),
        FieldPanel("regions"),
        FieldPanel("industries", widget=IndustryTagWidget),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("aim"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("recommendations"),
        *SEARCH_SPELLINGS,
    ]
    api_fields = [
        APIField("aim"),
        APIField("summary"),
        APIField("body"),
        APIField("recommendations"),
        APIField("related_clusters", serializer=RelatedClustersField()),
        APIField("regions"),
        APIField("industries", serializer=IndustriesField()),
        APIField("related_case_studies", serializer=RelatedCaseStudiesField()),
    ]

    class Meta:
        verbose_name = _("case study page")

    @classmethod
    def latest_in(cls, locale):
        return cls.objects.live().public().filter(locale=locale).order_by("-first_published_at")

    def clean(self):
        # The editor checks each block (RecommendationBlock.clean); a translation saved from
        # wagtail-localize's editor is checked only here.
        super().clean()
        for block in self.recommendations:
            error = keyword_error(block.value.get("statement", ""), block.value.get("keyword", ""))
            if error:
                raise ValidationError({"recommendations": error})

    def related_case_studies(self, tag_ids=None):
        """Up to three live case studies in this language sharing industry tags with this
        one, most shared tags first, then the newest (see ``case_study_listing.py``)."""
        if tag_ids is None:
            tag_ids = [item.tag_id for item in self.tagged_items.all()]
        return related_case_studies(self, tag_ids)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Live clusters, in this page's language where translated, else as chosen.
        context["related_clusters"] = localized_choices(
            [link.cluster for link in self.related_clusters.select_related("cluster")],
            self.locale_id,
            ClusterPage.objects.live(),
            fallback=True,
        )
        context["related_case_studies"] = self.related_case_studies(
            tag_ids=[item.tag_id for item in context["industry_items"]]
        )
        return context


class CaseStudyRelatedCluster(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_clusters")
    cluster = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cluster that took part in the case study."),
    )

    panels = [PageChooserPanel("cluster", page_type="clusterdirectory.ClusterPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related cluster")
        verbose_name_plural = _("related clusters")

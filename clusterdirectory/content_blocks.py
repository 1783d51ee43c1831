"""Blocks that show live content of the directory, picked when the page is shown: featured
clusters, the next events, the latest case studies, cluster statistics. Usable on any page of
the host site (not on the plugin's own pages, whose models these import)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page

from .blocks import PREVIEW_TEMPLATE, with_preview_note
from .listing import cards_for, prefetch_for_cards, with_tags
from .localized import localized_choices
from .models import CaseStudyPage, ClusterPage, EventPage
from .statistics import cluster_statistics
from .taxonomy.models import industry_names


class UpcomingEventsValue(blocks.StructValue):
    def pages(self):
        return EventPage.upcoming_in(Locale.get_active())[: self.get("count") or 3]


class LatestCaseStudiesValue(blocks.StructValue):
    def pages(self):
        return CaseStudyPage.latest_in(Locale.get_active())[: self.get("count") or 3]


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Shown above the events, e.g. 'Next events'. Leave empty for none."),
    )
    count = blocks.IntegerBlock(
        label=_("Number of events"),
        min_value=1,
        max_value=12,
        default=3,
        help_text=_("How many of the next events to show; they are picked automatically."),
    )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if not value.pages():
            return with_preview_note(
                context,
                _("No upcoming events are published yet. Once they are, the next ones show here."),
            )
        return context

    class Meta:
        icon = "date"
        template = "clusterdirectory/blocks/page_cards_block.html"
        preview_template = PREVIEW_TEMPLATE
        value_class = UpcomingEventsValue
        label = _("Next events")
        description = _("The next upcoming events, picked automatically.")
        preview_value = {"heading": "Next events", "count": 3}


class LatestCaseStudiesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Shown above the case studies, e.g. 'Case studies'. Leave empty for none."),
    )
    count = blocks.IntegerBlock(
        label=_("Number of case studies"),
        min_value=1,
        max_value=12,
        default=3,
        help_text=_("How many of the newest case studies to show; they are picked automatically."),
    )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if not value.pages():
            return with_preview_note(
                context,
                _("No case studies are published yet. Once they are, the newest show here."),
            )
        return context

    class Meta:
        icon = "doc-full"
        template = "clusterdirectory/blocks/page_cards_block.html"
        preview_template = PREVIEW_TEMPLATE
        value_class = LatestCaseStudiesValue
        label = _("Latest case studies")
        description = _("The most recently published case studies, picked automatically.")
        preview_value = {"heading": "Latest case studies", "count": 3}


class FeaturedClustersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Shown above the clusters, e.g. 'Meet our clusters'. Leave empty for none."),
    )
    clusters = blocks.ListBlock(
        blocks.PageChooserBlock(
            page_type="clusterdirectory.ClusterPage",
            help_text=_("A cluster's page; visitors see it in their own language."),
        ),
        label=_("Clusters"),
        help_text=_("Choose the clusters to feature, in the order to show them."),
    )

    def get_context(self, value, parent_context=None):
        """``clusters``: each chosen cluster that is live and public, in the visitor's language
        where translated, with what its card shows."""
        context = super().get_context(value, parent_context)
        clusters = with_tags(prefetch_for_cards(ClusterPage.objects.live().public()))
        chosen = localized_choices(value["clusters"], Locale.get_active(), clusters, fallback=True)
        context["cards"] = cards_for(chosen, industry_names())
        return context

    def get_preview_value(self):
        """Three published clusters in the active language, if there are any yet."""
        clusters = ClusterPage.objects.live().public().filter(locale=Locale.get_active())
        return self.normalize(
            {"heading": "Meet our clusters", "clusters": list(clusters.order_by("title")[:3])}
        )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if not value["clusters"]:
            return with_preview_note(
                context,
                _("No clusters are published yet. The clusters you choose show here as cards."),
            )
        return context

    class Meta:
        icon = "group"
        template = "clusterdirectory/blocks/featured_clusters_block.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Featured clusters")
        description = _("Cards for clusters chosen by the editor.")


class StatisticsValue(blocks.StructValue):
    def statistics(self, locale=None):
        """Live, public clusters in ``locale`` (the active language's by default), counted as
        the editor chose: per industry, per country or both."""
        show = self.get("show") or StatisticsBlock.BOTH
        return cluster_statistics(
            locale or Locale.get_active(),
            industries=show in (StatisticsBlock.INDUSTRIES, StatisticsBlock.BOTH),
            countries=show in (StatisticsBlock.COUNTRIES, StatisticsBlock.BOTH),
        )


def _bars(rows):
    """Rows with ``bar``, their count as a share of the largest in steps of 5 %, for the
    template's bars: a CSS class per step, as the Content-Security-Policy forbids inline
    styles."""
    if not rows:
        return rows
    largest = max(row["count"] for row in rows) or 1
    return [{**row, "bar": 5 * round(20 * row["count"] / largest)} for row in rows]


def api_locale(context):
    """The language of the page the API is serialising: the API's context names no page, so
    the detail view's page, else the listing's ``locale`` filter, else the request's language.
    Looked up once per response."""
    context = context if context is not None else {}
    if "clusterdirectory_statistics_locale" not in context:
        locale = None
        view = context.get("view")
        if view is not None and getattr(view, "action", None) == "detail_view":
            locale = getattr(view.get_object(), "locale", None)
        request = context.get("request")
        if locale is None and request is not None and request.GET.get("locale"):
            locale = Locale.objects.filter(language_code=request.GET["locale"]).first()
        context["clusterdirectory_statistics_locale"] = locale or Locale.get_active()
    return context["clusterdirectory_statistics_locale"]


class StatisticsBlock(blocks.StructBlock):
    INDUSTRIES, COUNTRIES, BOTH = "industries", "countries", "both"

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Shown above the figures, e.g. 'Our network'. Leave empty for none."),
    )
    show = blocks.ChoiceBlock(
        label=_("Show"),
        choices=[
            (BOTH, _("Clusters per industry and per country")),
            (INDUSTRIES, _("Clusters per industry")),
            (COUNTRIES, _("Clusters per country")),
        ],
        default=BOTH,
        help_text=_("Counted from the published clusters in the page's language when shown."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale = getattr(page, "locale", None) if isinstance(page, Page) else None
        statistics = value.statistics(locale)
        statistics["industries"] = _bars(statistics["industries"])
        statistics["countries"] = _bars(statistics["countries"])
        context["statistics"] = statistics
        return context

    def get_api_representation(self, value, context=None):
        statistics = value.statistics(api_locale(context))
        show = value.get("show") or self.BOTH
        return {"heading": value.get("heading") or "", "show": show, **statistics}

    class Meta:
        icon = "table"
        template = "clusterdirectory/blocks/statistics_block.html"
        preview_template = PREVIEW_TEMPLATE
        value_class = StatisticsValue
        label = _("Cluster statistics")
        description = _(
            "How many clusters there are per industry and per country, counted from the "
            "published clusters when the page is shown."
        )
        preview_value = {"heading": "The network in numbers", "show": "both"}

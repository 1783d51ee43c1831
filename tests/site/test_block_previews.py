"""Block previews in the block chooser: every block editors can insert into a StreamField
shows a preview with realistic content, on an empty database and with content in it."""

import datetime
import re
from html import unescape

import pytest
import wagtail_factories
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from clusterdirectory.blocks import PREVIEW_TEMPLATE
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)

pytestmark = pytest.mark.django_db


def insertable_blocks():
    """(name, block) of every block in the block chooser of any page type's StreamField."""
    found = {}
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    found.setdefault(block.definition_prefix, (name, block))
    return sorted(found.values(), key=lambda item: (item[0], type(item[1]).__name__))


BLOCKS = [
    pytest.param(block, id=f"{name}-{type(block).__name__}") for name, block in insertable_blocks()
]

# What each preview shows on an empty database: its example content, or for blocks that show
# database content (images, pages, figures), a line saying what will appear.
EXPECTED_ON_EMPTY_DATABASE = {
    ("heading", "CharBlock"): "What the clusters learned",
    ("heading", "HeadingBlock"): "Challenges and successes",
    ("paragraph", "RichTextBlock"): "Southern Denmark and Schleswig-Holstein",
    ("image", "APIImageBlock"): "Upload images to the library",
    ("image", "CaptionedImageBlock"): "Upload images to the library",
    ("recommendation", "RecommendationBlock"): "labour mobility",
    ("service", "ListItemBlock"): "Matchmaking with partners across the border",
    ("region", "ListItemBlock"): "Region of Southern Denmark",
    ("topic", "ListItemBlock"): "Open innovation",
    ("hero", "HeroBlock"): "Innovation in Transnational Networks",
    ("quote", "QuoteBlock"): "Internationalization of clusters is needed.",
    ("call_to_action", "CallToActionBlock"): "Register your cluster",
    ("people", "PeopleBlock"): "Jesper Lund",
    ("partners", "PartnersBlock"): "Wirtschaftsförderung und Technologietransfer",
    ("key_figures", "KeyFiguresBlock"): "220.000 €",
    ("cluster_statistics", "StatisticsBlock"): "0 participating clusters",
    ("featured_clusters", "FeaturedClustersBlock"): "No clusters are published yet",
    ("upcoming_events", "UpcomingEventsBlock"): "No upcoming events are published yet",
    ("latest_case_studies", "LatestCaseStudiesBlock"): "No case studies are published yet",
}


def preview(client, block):
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    return response.content.decode()


def main_text(html):
    """The visible text of the preview's <main>, whitespace collapsed."""
    main = re.search(r"<main>(.*)</main>", html, re.DOTALL).group(1)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_every_insertable_block_has_an_expectation_here():
    names = {(name, type(block).__name__) for name, block in insertable_blocks()}
    assert names == set(EXPECTED_ON_EMPTY_DATABASE)


@pytest.mark.parametrize("block", BLOCKS)
def test_block_is_previewable_with_icon_and_description(block):
    assert block.is_previewable
    assert block.meta.icon != "placeholder"
    assert str(block.get_description()).strip()


@pytest.mark.parametrize("block", BLOCKS)
def test_block_preview_renders_its_example_on_an_empty_database(admin_client, block):
    html = preview(admin_client, block)

    expected = EXPECTED_ON_EMPTY_DATABASE[(block.name, type(block).__name__)]
    assert expected in main_text(html)
    assert "/static/css/site.css" in html  # the site's styles, from our global preview template
    if getattr(block.meta, "preview_template", None) == PREVIEW_TEMPLATE:  # the plugin's
        assert "/static/clusterdirectory/clusterdirectory.css" in html


def test_block_preview_needs_an_admin_login(client):
    name, block = insertable_blocks()[0]
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_unknown_block_preview_is_a_404(admin_client):
    # follow: Django's LocaleMiddleware first tries the path under a language prefix
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": "blockdef-x"}, follow=True
    )
    assert response.status_code == 404


def block_named(name, class_name):
    return next(
        block
        for block_name, block in insertable_blocks()
        if (block_name, type(block).__name__) == (name, class_name)
    )


def test_image_previews_show_the_newest_image(admin_client):
    wagtail_factories.ImageFactory(title="Old harbour")
    wagtail_factories.ImageFactory(title="Alsion in Sønderborg")

    for class_name in ("APIImageBlock", "CaptionedImageBlock"):
        html = preview(admin_client, block_named("image", class_name))
        assert re.search(r'<img [^>]*alt="Alsion in Sønderborg"', html)
        assert "Upload images" not in html


@pytest.fixture
def site_root(root_page, locales):
    return root_page


def test_page_previews_show_published_pages_in_the_active_language(admin_client, site_root):
    from clusterdirectory.models import ClusterIndexPage

    cluster_index = site_root.add_child(instance=ClusterIndexPage(title="Clusters", slug="c"))
    ClusterPageFactory(parent=cluster_index, title="CEwind", country="DE")
    ClusterPageFactory(parent=cluster_index, title="Draft cluster", live=False)
    event_index = EventIndexPageFactory(parent=site_root)
    EventPageFactory(
        parent=event_index,
        title="Open Innovation Workshop",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=3),
    )
    case_study_index = CaseStudyIndexPageFactory(parent=site_root)
    CaseStudyPageFactory(parent=case_study_index, title="Labour mobility study")

    clusters = main_text(
        preview(admin_client, block_named("featured_clusters", "FeaturedClustersBlock"))
    )
    assert "CEwind" in clusters
    assert "Draft cluster" not in clusters
    assert "No clusters" not in clusters
    events = main_text(preview(admin_client, block_named("upcoming_events", "UpcomingEventsBlock")))
    assert "Open Innovation Workshop" in events
    assert "No upcoming events" not in events
    case_studies = main_text(
        preview(admin_client, block_named("latest_case_studies", "LatestCaseStudiesBlock"))
    )
    assert "Labour mobility study" in case_studies
    statistics = main_text(
        preview(admin_client, block_named("cluster_statistics", "StatisticsBlock"))
    )
    assert "1 participating cluster" in statistics
    assert Page.objects.filter(title="CEwind").exists()

"""The statistics block: clusters per industry and per country, counted from live data in the
page's language when the page is shown, and the same numbers in the API."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from clusterdirectory.content_blocks import StatisticsBlock
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    create_clusters,
    make_tags,
)


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food", "Steel", german={"wind-energy": "Windenergie"})


@pytest.fixture
def clusters(cluster_index, tags):
    wind, food, steel = tags["wind-energy"], tags["food"], tags["steel"]
    clusters = {
        "cewind": ClusterPageFactory(parent=cluster_index, country="DE", industries=[wind]),
        "offshore": ClusterPageFactory(parent=cluster_index, country="DK", industries=[wind]),
        "food": ClusterPageFactory(parent=cluster_index, country="DK", industries=[food, wind]),
        "draft": ClusterPageFactory(parent=cluster_index, country="DE", industries=[steel]),
        "private": ClusterPageFactory(parent=cluster_index, country="DE", industries=[steel]),
    }
    clusters["draft"].unpublish()
    PageViewRestriction.objects.create(page=clusters["private"], restriction_type="login")
    return clusters


def value(show="both", heading="The network in numbers"):
    return StatisticsBlock().to_python({"heading": heading, "show": show})


def rows(table):
    return [
        (row.th.get_text(strip=True), int(row.td.get_text(strip=True)))
        for row in table.select("tbody tr")
    ]


def test_counts_live_public_clusters_per_industry_and_country(clusters, locales):
    statistics = value().statistics(locales["en"])
    assert statistics["total"] == 3
    assert statistics["industries"] == [
        {"slug": "wind-energy", "name": "Wind energy", "count": 3},
        {"slug": "food", "name": "Food", "count": 1},
    ]
    assert statistics["countries"] == [
        {"code": "DK", "name": "Denmark", "count": 2},
        {"code": "DE", "name": "Germany", "count": 1},
    ]


def test_renders_accessible_tables(clusters, cluster_index):
    html = StatisticsBlock().render(value(), context={"page": cluster_index})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h2.get_text() == "The network in numbers"
    industries, countries = soup.select("table")
    assert industries.caption.get_text() == "Clusters per industry"
    assert [th["scope"] for th in industries.select("thead th")] == ["col", "col"]
    assert rows(industries) == [("Wind energy", 3), ("Food", 1)]
    assert countries.caption.get_text() == "Clusters per country"
    assert rows(countries) == [("Denmark", 2), ("Germany", 1)]
    assert all(bar["aria-hidden"] == "true" for bar in soup.select(".statistics__bar"))
    assert "<script" not in html


@pytest.mark.parametrize(
    "show, captions", [("industries", ["industry"]), ("countries", ["country"])]
)
def test_editor_chooses_what_to_show(clusters, cluster_index, show, captions):
    soup = BeautifulSoup(
        StatisticsBlock().render(value(show), context={"page": cluster_index}), "html.parser"
    )
    assert [t.caption.get_text().split()[-1] for t in soup.select("table")] == captions


def test_counts_and_names_are_in_the_pages_language(clusters, cluster_index, locales):
    german_index = translate_page(cluster_index, locales["de"])
    translate_page(clusters["food"], locales["de"])
    with translation.override("de"):
        html = StatisticsBlock().render(value(), context={"page": german_index})
    industries, countries = BeautifulSoup(html, "html.parser").select("table")
    assert rows(industries) == [("Food", 1), ("Windenergie", 1)]
    assert rows(countries) == [("Dänemark", 1), ("Deutschland", 0)]


def test_without_a_page_the_active_language_counts(clusters, locales):
    with translation.override("de"):
        html = StatisticsBlock().render(value("industries"))
    # No German clusters exist: the German counts, not the English ones, are shown.
    assert "Noch keine veröffentlichten Cluster." in html


def test_new_data_shows_at_the_next_rendering(clusters, cluster_index, tags, locales):
    assert value().statistics(locales["en"])["total"] == 3
    ClusterPageFactory(parent=cluster_index, country="DE", industries=[tags["steel"]])
    statistics = value().statistics(locales["en"])
    assert statistics["total"] == 4
    assert {"slug": "steel", "name": "Steel", "count": 1} in statistics["industries"]


def test_api_representation_has_the_numbers(clusters, locales):
    request = RequestFactory().get("/api/v2/pages/", {"locale": "en"})
    data = StatisticsBlock().get_api_representation(value(), context={"request": request})
    assert data == {
        "heading": "The network in numbers",
        "show": "both",
        "language": "en",
        "total": 3,
        "industries": [
            {"slug": "wind-energy", "name": "Wind energy", "count": 3},
            {"slug": "food", "name": "Food", "count": 1},
        ],
        "countries": [
            {"code": "DK", "name": "Denmark", "count": 2},
            {"code": "DE", "name": "Germany", "count": 1},
        ],
    }
    countries_only = StatisticsBlock().get_api_representation(
        value("countries"), context={"request": request}
    )
    assert countries_only["industries"] is None
    assert countries_only["total"] == 3


def test_api_representation_follows_the_listings_locale(clusters, cluster_index, locales):
    german_index = translate_page(cluster_index, locales["de"])
    translate_page(clusters["cewind"], locales["de"])
    request = RequestFactory().get("/api/v2/pages/", {"locale": "de"})
    data = StatisticsBlock().get_api_representation(value(), context={"request": request})
    assert data["language"] == "de"
    assert data["total"] == 1
    assert data["industries"] == [{"slug": "wind-energy", "name": "Windenergie", "count": 1}]
    assert german_index.locale == locales["de"]


def test_rendering_queries_do_not_grow_with_the_number_of_clusters(root_page, locales, tags):
    index = ClusterIndexPageFactory(parent=root_page, slug="numbers")
    block = StatisticsBlock()
    create_clusters(index, 3, [tags["wind-energy"], tags["food"]])
    with CaptureQueriesContext(connection) as few:
        block.render(value(), context={"page": index})
    create_clusters(index, 40, [tags["wind-energy"], tags["steel"]])
    with CaptureQueriesContext(connection) as many:
        html = block.render(value(), context={"page": index})
    assert len(few) == len(many) <= 6
    assert "43 participating clusters" in html

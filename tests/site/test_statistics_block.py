"""The statistics block on the site's pages and in the API, in the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from home.models import StandardPage
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory


@pytest.fixture
def numbers_page(root_page, cluster_index, locales):
    """English clusters (two in Denmark, one in Germany), one translated to German, and a page
    with the statistics block in English and German."""
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    food = IndustryTagFactory(name="Food", slug="food")
    ClusterPageFactory(parent=cluster_index, country="DK", industries=[wind])
    ClusterPageFactory(parent=cluster_index, country="DK", industries=[wind, food])
    cewind = ClusterPageFactory(parent=cluster_index, country="DE", industries=[wind])
    translate_page(cewind, locales["de"])
    page = root_page.add_child(
        instance=StandardPage(
            title="In numbers",
            slug="numbers",
            body=[
                {
                    "type": "cluster_statistics",
                    "value": {"heading": "The network in numbers", "show": "both"},
                }
            ],
        )
    )
    page.save_revision().publish()
    return {"en": page, "de": translate_page(page, locales["de"])}


def table_rows(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        [(row.th.get_text(strip=True), int(row.td.get_text(strip=True))) for row in t("tr")[1:]]
        for t in soup.select(".statistics table")
    ]


def test_page_shows_the_numbers_of_its_language(client, numbers_page):
    assert table_rows(client.get(numbers_page["en"].url).content) == [
        [("Wind energy", 3), ("Food", 1)],
        [("Denmark", 2), ("Germany", 1)],
    ]
    with translation.override("de"):
        html = client.get(numbers_page["de"].url).content
    assert table_rows(html) == [[("Wind energy", 1)], [("Dänemark", 0), ("Deutschland", 1)]]


def assert_statistics_shape(value):
    assert set(value) >= {"language", "total", "industries", "countries"}
    assert all(set(row) == {"code", "name", "count"} for row in value["countries"])


def test_api_detail_has_the_numbers_in_the_pages_language(client, numbers_page):
    for code, total in (("en", 3), ("de", 1)):
        data = client.get(f"/api/v2/pages/{numbers_page[code].pk}/").json()
        value = data["body"][0]["value"]
        assert_statistics_shape(value)
        assert (value["language"], value["total"]) == (code, total)
    assert value["countries"] == [
        {"code": "DK", "name": "Dänemark", "count": 0},
        {"code": "DE", "name": "Deutschland", "count": 1},
    ]


def test_api_listing_counts_in_the_requested_locale(client, numbers_page):
    data = client.get(
        "/api/v2/pages/", {"type": "home.StandardPage", "locale": "de", "fields": "body"}
    ).json()
    (item,) = data["items"]
    value = item["body"][0]["value"]
    assert_statistics_shape(value)
    assert (value["language"], value["total"]) == ("de", 1)

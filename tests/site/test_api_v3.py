"""The headless API on Wagtail's v3: the cluster directory with its filters and facets, the
industries, in each language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from clusterdirectory.models import IndustryTag, IndustryTagName
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, make_tags

pytestmark = pytest.mark.usefixtures("no_page_cache")


def get(client, path, **params):
    response = client.get(f"/api/v3/{path}", params)
    return response


def ok(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def german(cluster_index, two_clusters, locales):
    """The index and both clusters in German, the tags named in German."""
    translate_page(cluster_index, locales["de"])
    for cluster in two_clusters:
        translate_page(cluster, locales["de"])
    for slug, name in (("wind-energy", "Windenergie"), ("food", "Lebensmittel")):
        tag = IndustryTag.objects.get(slug=slug)
        IndustryTagName.objects.create(tag=tag, locale=locales["de"], name=name)
    return two_clusters


def titles(data):
    return [item["title"] for item in data["items"]]


def test_clusters_in_a_language_with_names_and_countries_in_it(client, german):
    data = ok(client, "clusters/", locale="de", facets="industry,country")
    assert data["locale"] == "de"
    assert data["count"] == 2
    assert titles(data) == ["CEwind", "Food Cluster"]
    cewind = data["items"][0]
    assert cewind["locale"] == "de"
    assert cewind["html_url"] == f"http://testserver/de/clusters/{cewind['slug']}/"
    assert cewind["address"]["country_name"] == "Deutschland"
    assert cewind["industries"] == [{"slug": "wind-energy", "name": "Windenergie"}]
    assert cewind["detail_url"].endswith(f"/api/v3/pages/{cewind['id']}/")
    assert data["facets"]["industry"] == [
        {"slug": "food", "name": "Lebensmittel", "count": 1},
        {"slug": "wind-energy", "name": "Windenergie", "count": 1},
    ]
    assert data["facets"]["country"] == [
        {"code": "DK", "name": "Dänemark", "count": 1},
        {"code": "DE", "name": "Deutschland", "count": 1},
    ]


def test_industries_widen_countries_narrow_and_counts_predict(client, german):
    both = ok(client, "clusters/", locale="en", industry=["wind-energy", "food"])
    assert titles(both) == ["CEwind", "Food Cluster"]
    every = ok(client, "clusters/", locale="en", industry=["wind-energy", "food"], match="all")
    assert titles(every) == []
    data = ok(client, "clusters/", locale="en", industry="wind-energy", facets="country")
    assert titles(data) == ["CEwind"]
    # Each count is what choosing the option gives.
    for option in data["facets"]["country"]:
        chosen = ok(client, "clusters/", industry="wind-energy", country=option["code"])
        assert chosen["count"] == option["count"]
    assert data["facets"]["industry"] is None  # not asked
    assert titles(ok(client, "clusters/", locale="en", country="DK")) == ["Food Cluster"]
    assert titles(ok(client, "clusters/", locale="en", q="cewind")) == ["CEwind"]


def test_the_request_language_is_the_default(client, german):
    response = client.get("/api/v3/clusters/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.json()["locale"] == "de"
    assert ok(client, "clusters/")["locale"] == "en"


def test_pages_of_results(client, german):
    data = ok(client, "clusters/", locale="en", limit=1, offset=1)
    assert (data["count"], titles(data)) == (2, ["Food Cluster"])


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"industry": "nuclear"}, 400),
        ({"country": "FR"}, 422),
        ({"match": "some"}, 422),
        ({"facets": "industry,colour"}, 422),
        ({"locale": "fr"}, 422),
        ({"limit": "0"}, 422),
        ({"limit": "101"}, 422),
        ({"offset": "-1"}, 422),
        ({"q": "x" * 201}, 422),
        ({"q": "wind\x00"}, 400),
        ({"index": "999999"}, 404),
    ],
)
def test_bad_filters_are_explained(client, german, params, status):
    response = get(client, "clusters/", **params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_cluster_listing_queries_do_not_grow_with_the_clusters(client, cluster_index):
    tags = make_tags("Wind energy", "Food")

    def queries():
        # Twice: the first request after a change builds the facet index.
        ok(client, "clusters/", locale="en", industry="wind-energy", facets="industry,country")
        with CaptureQueriesContext(connection) as captured:
            ok(client, "clusters/", locale="en", industry="wind-energy", facets="industry,country")
        return len(captured)

    wind = [tags["wind-energy"]]
    for n in range(5):
        ClusterPageFactory(parent=cluster_index, title=f"Wind {n}", industries=wind)
    few = queries()
    for n in range(5, 200):
        ClusterPageFactory(parent=cluster_index, title=f"Wind {n}", industries=wind)
    assert queries() == few


def test_industries_named_and_counted_in_a_language(client, german):
    data = ok(client, "industries/", locale="de")
    assert data["locale"] == "de"
    assert [(item["slug"], item["name"], item["counts"]["clusters"]) for item in data["items"]] == [
        ("food", "Lebensmittel", 1),
        ("wind-energy", "Windenergie", 1),
    ]
    assert get(client, "industries/", locale="xx").status_code == 422
    assert Locale.objects.filter(language_code="de").exists()


def test_unknown_paths_are_json_not_a_redirect(client, german):
    response = client.get("/api/v3/nothing/here/")
    assert response.status_code == 404
    assert response.json()["detail"] == "no API endpoint at /api/v3/nothing/here/"

"""The headless API on Wagtail's v3: the cluster directory with its filters and facets, the
industries, in each language."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
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


def test_pages_are_found_by_the_path_a_visitor_sees_in_their_language(client, german):
    german_cewind = german[0].get_translation(Locale.objects.get(language_code="de"))
    response = client.get(
        "/api/v3/pages/find/", {"html_path": german_cewind.url, "rich_text_format": "html"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/api/v3/pages/{german_cewind.pk}/?rich_text_format=html"
    detail = client.get(response["Location"]).json()
    assert detail["meta"]["locale"] == "de"
    assert detail["address"]["country_name"] == "Deutschland"
    assert detail["industries"] == [{"slug": "wind-energy", "name": "Windenergie"}]

    english = client.get("/api/v3/pages/find/", {"html_path": german[0].url})
    assert english["Location"] == f"/api/v3/pages/{german[0].pk}/"
    by_id = client.get("/api/v3/pages/find/", {"id": german[0].pk})
    assert by_id["Location"] == f"/api/v3/pages/{german[0].pk}/"


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"html_path": "/de/nowhere/"}, 404),
        ({"html_path": "/xx/clusters/"}, 404),
        ({}, 404),
        ({"id": "abc"}, 422),
        ({"id": "99999999"}, 404),
    ],
)
def test_find_explains_what_it_cannot_find(client, german, params, status):
    response = client.get("/api/v3/pages/find/", params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_unpublished_page_is_not_found(client, german):
    path = german[1].url
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 302
    german[1].unpublish()
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 404


def test_a_logo_comes_in_sizes_for_srcset(client, german):
    logo = wagtail_factories.ImageFactory(
        title="CEwind logo", file__width=1000, file__height=500, description="CEwind"
    )
    cewind = german[0]
    cewind.logo = logo
    cewind.save_revision().publish()
    [item] = ok(client, "clusters/", locale="en", q="cewind")["items"]
    image = item["logo"]
    assert image["alt"] == "CEwind"
    assert image["full_url"].startswith("http://testserver/")
    sizes = [(r["width"], r["height"], r["format"]) for r in image["renditions"]]
    # Never wider than the image: 1280 is its own width.
    assert sizes == [
        (320, 160, "jpeg"),
        (320, 160, "webp"),
        (640, 320, "jpeg"),
        (640, 320, "webp"),
        (1000, 500, "jpeg"),
        (1000, 500, "webp"),
    ]
    assert all(r["url"].startswith("http://testserver/") for r in image["renditions"])
    detail = client.get(item["detail_url"].removeprefix("http://testserver")).json()
    assert detail["logo"]["renditions"] == image["renditions"]


def test_the_interactive_docs_need_nothing_from_another_origin(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    sources = [tag.get("src") or tag.get("href") for tag in soup.find_all(["script", "link"])]
    sources = [source for source in sources if source]
    assert any("swagger-ui-bundle" in source for source in sources)
    assert [source for source in sources if not source.startswith("/")] == []
    for source in sources:  # static files of the site (whitenoise serves them)
        assert finders.find(source.removeprefix(settings.STATIC_URL)), source


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("text", ['"', 'wind "offshore', "AND OR NOT", "*", "(", "-", "'"])
def test_no_search_text_breaks_the_search_backend(client, german, endpoint, text):
    response = client.get(f"/api/v3/{endpoint}/", {"search": text})
    assert response.status_code == 200, response.content


def test_an_empty_industry_is_ignored_as_on_the_site(client, german):
    assert ok(client, "clusters/", industry=["", "food"])["count"] == 1
    assert ok(client, "clusters/", industry="")["count"] == 2


def test_the_api_root_leads_to_its_docs(client, db):
    response = client.get("/api/v3/")
    assert response.status_code == 302
    assert response["Location"] == "/api/v3/docs/"
    docs = client.get(response["Location"])
    assert docs.status_code == 200
    assert b"/api/v3/openapi.json" in docs.content

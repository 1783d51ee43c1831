"""The directory's map: clusters with a location, the same as the list shows, as GeoJSON from
API v3 (the site's); the list serves without the map."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from wagtail.users.models import UserProfile

from tests.factories import ClusterPageFactory, IndustryTagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters(cluster_index):
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    food = IndustryTagFactory(name="Food", slug="food")
    return {
        "cewind": ClusterPageFactory(
            parent=cluster_index, title="CEwind", country="DE", city="Flensburg",
            latitude=54.7752, longitude=9.4521, industries=[wind],
        ),
        "alucluster": ClusterPageFactory(
            parent=cluster_index, title="AluCluster", country="DK", city="Kolding",
            latitude=55.4903, longitude=9.4745, industries=[food],
        ),
        "nowhere": ClusterPageFactory(
            parent=cluster_index, title="Nowhere Wind", country="DE", industries=[wind],
        ),
    }  # fmt: skip


def geojson(client, index, query=""):
    soup = BeautifulSoup(client.get(index.url + query).content, "html.parser")
    section = soup.select_one("section.cluster-map")
    assert section is not None and section.has_attr("hidden")  # shown by the script
    response = client.get(section["data-geojson"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return soup, response.json()


def test_the_map_shows_the_filtered_list_with_a_location(client, cluster_index, clusters):
    soup, data = geojson(client, cluster_index, "?tag=wind-energy&country=de")

    listed = [a.get_text() for a in soup.select(".cluster-card h2 a")]
    assert listed == ["CEwind", "Nowhere Wind"]
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]  # the list's clusters that have a location
    assert feature["geometry"] == {"type": "Point", "coordinates": [9.4521, 54.7752]}
    assert feature["properties"]["title"] == "CEwind"
    assert feature["properties"]["html_url"] == "http://testserver" + clusters["cewind"].url


def test_every_filter_of_the_list_reaches_the_map(client, cluster_index, clusters):
    _soup, data = geojson(client, cluster_index)
    assert {f["properties"]["title"] for f in data["features"]} == {"CEwind", "AluCluster"}
    _soup, data = geojson(client, cluster_index, "?q=kolding")
    assert [f["properties"]["title"] for f in data["features"]] == ["AluCluster"]


def test_the_api_documents_the_geojson_and_refuses_bad_filters(client, clusters):
    document = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/clusters/geojson/" in document["paths"]
    response = client.get("/api/v3/clusters/geojson/?locale=en&country=SE")
    assert response.status_code in (400, 422)
    assert client.get("/api/v3/clusters/geojson/?locale=en&industry=nope").status_code == 400


def test_the_map_draws_the_sites_own_basemap_and_offers_tiles_behind_a_button(
    client, cluster_index, clusters, settings
):
    soup = BeautifulSoup(client.get(cluster_index.url).content, "html.parser")
    section = soup.select_one("section.cluster-map")
    basemap = finders.find(section["data-basemap"].removeprefix(settings.STATIC_URL))
    land = json.loads(Path(basemap).read_text())
    assert {"Denmark", "Germany"} <= {f["properties"]["name"] for f in land["features"]}
    assert section["data-tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    button = section.select_one("button.cluster-map__tiles")
    assert button.get_text() == "Show street map (loads tiles from tile.openstreetmap.org)"


def test_without_tiles_the_map_has_the_basemap_alone(client, cluster_index, clusters, settings):
    settings.CLUSTERDIRECTORY = {"MAP_TILES": {"url": "", "attribution": ""}}
    soup = BeautifulSoup(client.get(cluster_index.url).content, "html.parser")
    section = soup.select_one("section.cluster-map")
    assert section["data-tiles"] == ""
    assert section.select("button") == []
    assert "CEwind" in soup.get_text()


@pytest.mark.parametrize(("latitude", "longitude"), [(91, 9), (54, -181)])
def test_a_location_off_the_globe_is_refused(clusters, latitude, longitude):
    page = clusters["cewind"]
    page.latitude, page.longitude = latitude, longitude
    with pytest.raises(ValidationError):
        page.full_clean()


def test_the_editor_shows_a_map_above_the_location(admin_client, clusters):
    body = admin_client.get(f"/admin/pages/{clusters['cewind'].pk}/edit/").content.decode()
    assert "clusterdirectory/location-map" in body
    assert 'name="latitude"' in body and 'value="54.7752"' in body


def test_the_editor_map_is_named_in_the_editors_language(admin_client, admin_user, clusters):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    body = admin_client.get(f"/admin/pages/{clusters['cewind'].pk}/edit/").content.decode()
    script = BeautifulSoup(body, "html.parser").select_one("#location-map-script")
    assert script["data-label"] == "Karte: Klicken Sie, um den Standort festzulegen"


def fake_geocoder(page):
    if page.city == "Broken":
        raise ConnectionError("geocoder down")
    return {"Husum": (54.4858, 9.0524)}.get(page.city)


@pytest.mark.parametrize(
    ("city", "expected"), [("Husum", (54.4858, 9.0524)), ("Atlantis", None), ("Broken", None)]
)
def test_a_configured_geocoder_places_clusters_without_a_location(
    cluster_index, settings, city, expected
):
    settings.CLUSTERDIRECTORY = {"GEOCODER": "tests.site.test_cluster_map.fake_geocoder"}
    page = ClusterPageFactory(parent=cluster_index, title="Wind Husum", city=city)
    page.full_clean()
    assert (page.latitude, page.longitude) == (expected or (None, None))


def test_without_a_geocoder_nothing_is_looked_up(cluster_index):
    page = ClusterPageFactory(parent=cluster_index, title="Wind Husum", city="Husum")
    page.full_clean()
    assert page.latitude is None


def test_half_a_location_is_refused(clusters):
    page = clusters["cewind"]
    page.longitude = None
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        page.full_clean()

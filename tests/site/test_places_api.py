"""Where a city is, for the location maps of the registration and update forms: the API v3
endpoint the site mounts (the plugin's own tests cover the lookup itself)."""

from bs4 import BeautifulSoup

from tests.plugin.test_location import SONDERBORG
from tests.plugin.test_registration import register_url


def test_the_api_answers_where_a_city_is(client, db):
    response = client.get("/api/v3/places/", {"city": "Sonderborg", "country": "DK"})
    assert response.status_code == 200
    assert response.json() == {
        "name": "Sønderborg",
        "country": "DK",
        "latitude": SONDERBORG[0],
        "longitude": SONDERBORG[1],
    }
    assert client.get("/api/v3/places/", {"city": "Atlantis", "country": "DK"}).status_code == 404
    assert client.get("/api/v3/places/", {"city": "Kiel", "country": "SE"}).status_code == 422
    assert client.get("/api/v3/places/", {"country": "DK"}).status_code == 422
    assert client.get("/api/v3/places/", {"city": "x" * 201, "country": "DK"}).status_code == 422
    assert "/api/v3/places/" in client.get("/api/v3/openapi.json").json()["paths"]


def test_the_registration_form_draws_its_map_from_the_site(client, cluster_index):
    html = client.get(register_url(cluster_index)).content.decode()
    script = BeautifulSoup(html, "html.parser").select_one("#location-map-script")
    assert script["data-places"] == "/api/v3/places/"
    assert script["data-basemap"].endswith("basemap.geojson")

"""A NUL character in any query parameter or form field is answered, never a 500.

SQLite stores NUL; PostgreSQL refuses it in a query parameter, so input must not reach the
database unchecked (`make test` runs this on both)."""

import pytest

from tests.factories import (
    CaseStudyIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    IndustryTagFactory,
)
from tests.plugin.test_registration import valid_data

pytestmark = pytest.mark.django_db

NUL = "wind\x00energy"


@pytest.fixture
def site(root_page, cluster_index):
    tag = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    ClusterPageFactory(parent=cluster_index, title="CEwind", industries=[tag])
    return {
        "clusters": cluster_index,
        "events": EventIndexPageFactory(parent=root_page),
        "case_studies": CaseStudyIndexPageFactory(parent=root_page),
        "tag": tag,
    }


@pytest.mark.parametrize(
    "index, params",
    [
        ("clusters", {"tag": NUL}),
        ("clusters", {"country": NUL, "q": NUL, "page": NUL}),
        ("events", {"tag": NUL, "kind": NUL, "page": NUL}),
        ("case_studies", {"tag": NUL, "page": NUL}),
    ],
)
def test_listings(client, site, index, params):
    assert client.get(site[index].url, params).status_code in (200, 400)


@pytest.mark.parametrize(
    "params",
    [
        {"industry": NUL},
        {"country": NUL},
        {"search": NUL},
        {"locale": NUL},
        {"type": NUL},
        {"fields": NUL},
    ],
)
def test_api(client, site, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (200, 400), response.content


def test_search(client, site):
    assert client.get("/en/search/", {"q": NUL, "tag": NUL}).status_code in (200, 400)


@pytest.mark.parametrize(
    "changes",
    [{"industries": [NUL]}, {"name": NUL}, {"country": NUL}, {"contact_email": NUL}],
)
def test_registration(client, site, changes):
    url = site["clusters"].url + "register/"
    response = client.post(url, valid_data([site["tag"]], **changes))
    assert response.status_code == 400


@pytest.mark.parametrize("endpoint", ["pages/", "images/", "documents/", "industries/"])
def test_every_endpoint_answers_null_characters_with_400(client, site, endpoint):
    response = client.get(f"/api/v2/{endpoint}", {"search": NUL, "locale": NUL})
    assert response.status_code == 400
    assert "null characters" in response.json()["message"]

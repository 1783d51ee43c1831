"""Potential partners in the headless API: in the detail view, in the page's language, never in
listings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusterdirectory.models import ClusterPartner
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    create_clusters,
    make_tags,
)

CLUSTERS = "clusterdirectory.ClusterPage"


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food", german={"wind-energy": "Windenergie"})


@pytest.fixture
def clusters(cluster_index, tags):
    offshore = ClusterPageFactory(
        parent=cluster_index,
        title="Offshore Center Denmark",
        country="DK",
        industries=[tags["wind-energy"]],
    )
    cewind = ClusterPageFactory(
        parent=cluster_index, title="CEwind", country="DE", industries=[tags["wind-energy"]]
    )
    food = ClusterPageFactory(
        parent=cluster_index, title="Food Cluster", country="DK", industries=[tags["food"]]
    )
    offshore.partner_links = [ClusterPartner(partner=food)]
    offshore.save_revision().publish()
    return {"offshore": offshore, "cewind": cewind, "food": food}


def api(client, path="pages/", status=200, **params):
    response = client.get(f"/api/v2/{path}", params)
    assert response.status_code == status, response.content
    return response.json()


def test_detail_lists_hand_picked_partners_then_suggestions(client, clusters):
    data = api(client, f"pages/{clusters['offshore'].pk}/")
    food, cewind = clusters["food"], clusters["cewind"]
    assert data["potential_partners"] == [
        {
            "id": food.pk,
            "title": "Food Cluster",
            "url": food.url,
            "locale": "en",
            "country": "DK",
            "hand_picked": True,
            "shared_industries": [],
        },
        {
            "id": cewind.pk,
            "title": "CEwind",
            "url": cewind.url,
            "locale": "en",
            "country": "DE",
            "hand_picked": False,
            "shared_industries": [{"slug": "wind-energy", "name": "Wind energy"}],
        },
    ]


def test_detail_is_in_the_pages_language(client, clusters, locales):
    offshore_de = translate_page(clusters["offshore"], locales["de"])
    cewind_de = translate_page(clusters["cewind"], locales["de"])
    partners = api(client, f"pages/{offshore_de.pk}/")["potential_partners"]
    # The hand-picked Food Cluster has no German translation: it is linked in English.
    food = clusters["food"]
    assert [(p["id"], p["url"], p["locale"]) for p in partners] == [
        (food.pk, food.url, "en"),
        (cewind_de.pk, cewind_de.url, "de"),
    ]
    assert partners[1]["shared_industries"] == [{"slug": "wind-energy", "name": "Windenergie"}]


def test_listings_leave_partners_out(client, clusters):
    data = api(client, type=CLUSTERS, fields="*")
    assert len(data["items"]) == 3
    assert all("potential_partners" not in item for item in data["items"])
    assert all("industries" in item for item in data["items"])
    error = api(client, status=400, type=CLUSTERS, fields="potential_partners")
    assert error["message"] == "unknown fields: potential_partners"


def _queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    assert len(response.json()["potential_partners"]) > 0
    return len(captured)


def test_detail_queries_do_not_grow_with_the_number_of_clusters(client, root_page, tags):
    counts = []
    for slug, count in (("small", 5), ("large", 100)):
        index = ClusterIndexPageFactory(parent=root_page, slug=slug)
        create_clusters(index, count, [tags["wind-energy"], tags["food"]])
        page = index.get_children().order_by("title").first()
        counts.append(_queries(client, f"/api/v2/pages/{page.pk}/"))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 25, counts

"""API listings: counts, order, slices and items in each shape follow every change."""

import pytest

from tests.factories import ClusterPageFactory

pytestmark = pytest.mark.usefixtures("no_page_cache")


@pytest.fixture
def clusters(two_clusters):
    return two_clusters


def api_titles(client, **params):
    response = client.get(
        "/api/v2/pages/", {"type": "clusterdirectory.ClusterPage", "fields": "title", **params}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    return data["meta"]["total_count"], [item["title"] for item in data["items"]]


def test_api_listings_follow_changes_and_keep_order_and_slices(client, cluster_index, clusters):
    assert api_titles(client, order="title") == (2, ["CEwind", "Food Cluster"])
    assert api_titles(client, order="-title", limit=1) == (2, ["Food Cluster"])
    assert api_titles(client, order="-title", limit=1, offset=1) == (2, ["CEwind"])

    ClusterPageFactory(parent=cluster_index, title="Alpha Cluster", country="DE")
    assert api_titles(client, order="title") == (3, ["Alpha Cluster", "CEwind", "Food Cluster"])
    clusters[0].unpublish()
    assert api_titles(client, order="title", industry="wind-energy") == (0, [])
    assert api_titles(client, order="title") == (2, ["Alpha Cluster", "Food Cluster"])


def test_api_random_order_is_not_kept(client, cluster_index, clusters):
    orders = {tuple(api_titles(client, order="random")[1]) for _ in range(30)}
    assert len(orders) == 2


def test_api_items_follow_changes_in_each_shape(client, cluster_index, clusters):
    def first(fields):
        response = client.get(
            "/api/v2/pages/",
            {"type": "clusterdirectory.ClusterPage", "fields": fields, "order": "title"},
        )
        assert response.status_code == 200
        return response.json()["items"][0]

    assert set(first("title")) == {"id", "meta", "title"}
    assert "address" in first("*")
    cewind = clusters[0]
    cewind.title = "CEwind e.V."
    cewind.save_revision().publish()
    assert first("title")["title"] == "CEwind e.V."
    assert first("*")["title"] == "CEwind e.V."

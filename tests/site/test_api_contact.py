"""The API publishes a cluster's contact e-mail only where the editors chose to show it."""

import pytest

from tests.factories import ClusterPageFactory


@pytest.mark.parametrize("shown, email", [(False, None), (True, "wiese@cewind.example")])
def test_contact_email_only_when_editors_show_it(client, cluster_index, shown, email):
    cluster = ClusterPageFactory(
        parent=cluster_index,
        contact_name="Axel Wiese",
        contact_email="wiese@cewind.example",
        show_contact_email=shown,
    )
    detail = client.get(f"/api/v2/pages/{cluster.pk}/").json()
    listing = client.get(
        "/api/v2/pages/", {"type": "clusterdirectory.ClusterPage", "fields": "contact"}
    ).json()

    assert detail["contact"]["email"] == email
    assert detail["contact"]["name"] == "Axel Wiese"  # the rest of the contact stays public
    assert listing["items"][0]["contact"]["email"] == email
    if not shown:
        everything = client.get(
            "/api/v2/pages/", {"type": "clusterdirectory.ClusterPage", "fields": "*"}
        )
        assert everything.status_code == 200
        assert b"wiese@cewind.example" not in everything.content

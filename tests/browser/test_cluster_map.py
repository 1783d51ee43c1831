"""The directory's map shows the clusters of the filtered list; without JavaScript the list
alone serves and no map takes room."""

import pytest
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLACES = {"CEwind": (54.7752, 9.4521), "Windcomm": (54.5, 9.05), "LogI-SH": (54.32, 10.13)}


@pytest.fixture
def placed(cluster_site):
    for title, (latitude, longitude) in PLACES.items():
        ClusterPage.objects.filter(title=title).update(latitude=latitude, longitude=longitude)
    return cluster_site


def test_the_map_shows_the_filtered_clusters(page, placed):
    page.goto("/de/clusters/?tag=wind-energy")
    cluster_map = page.locator(".cluster-map")
    expect(cluster_map).to_be_visible()
    # Wind energy: CEwind and Windcomm have a location; LogI-SH is not in the list.
    expect(cluster_map).to_have_attribute("data-shown", "2")
    expect(page.locator(".cluster-map__marker")).to_have_count(2)
    page.locator(".cluster-map__marker").first.click()
    expect(page.locator(".leaflet-popup-content a")).to_have_count(1)

    page.goto("/de/clusters/?tag=food")
    expect(page.locator(".cluster-map")).to_have_attribute("data-shown", "1")  # LogI-SH

    page.goto("/de/clusters/?country=DK")  # no Danish cluster has a location
    expect(page.locator(".cluster-card").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".cluster-map")).to_be_hidden()


def test_without_javascript_the_list_serves(browser, live_server, placed):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/de/clusters/?tag=wind-energy")
    expect(page.locator(".cluster-map")).to_be_hidden()
    expect(page.locator(".cluster-card")).to_have_count(5)
    context.close()

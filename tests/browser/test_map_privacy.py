"""Nothing leaves the site before the visitor chooses it: the directory and a cluster's page
load only from the site itself (the map's land and borders included) until the visitor asks
for the street map, whose button names where its tiles come from. On a phone the list comes
first and the map stays one tap away, its markers in reading order."""

import base64

import pytest
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage

from .conftest import snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLACES = {"CEwind": (54.7752, 9.4521), "Windcomm": (54.5, 9.05), "LogI-SH": (54.32, 10.13)}
TILES = "https://tiles.example.test/{z}/{x}/{y}.png"
# A transparent pixel: the test's tile server answers in the browser, nothing goes out.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def placed(cluster_site, settings):
    settings.CLUSTERDIRECTORY = {**settings.CLUSTERDIRECTORY, "MAP_TILES": {"url": TILES}}
    for title, (latitude, longitude) in PLACES.items():
        ClusterPage.objects.filter(title=title).update(latitude=latitude, longitude=longitude)
    return cluster_site


def record_requests(page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(
        "https://tiles.example.test/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL),
    )
    return requests


def foreign(requests, origin):
    return [url for url in requests if not url.startswith(origin + "/")]


def test_nothing_is_asked_of_a_third_party_before_the_visitor_chooses(page, live_server, placed):
    requests = record_requests(page)
    page.goto("/en/clusters/")
    cluster_map = page.locator(".cluster-map")
    expect(cluster_map).to_have_attribute("data-shown", "3")
    # The land and borders: the site's own basemap, drawn under the markers.
    expect(cluster_map.locator(".leaflet-basemap-pane path")).not_to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert any("/static/clusterdirectory/basemap" in url for url in requests)
    assert foreign(requests, live_server.url) == []

    cewind = ClusterPage.objects.get(title="CEwind", locale__language_code="en")
    page.goto(cewind.url)
    expect(page.locator("h1")).to_contain_text("CEwind")
    page.wait_for_load_state("networkidle")
    assert foreign(requests, live_server.url) == []

    page.goto("/en/clusters/")
    button = page.get_by_role(
        "button", name="Show street map (loads tiles from tiles.example.test)"
    )
    expect(button).to_be_visible()
    snap(page, "before the street map")
    button.click()
    expect(button).to_be_hidden()
    expect(cluster_map.locator("img.leaflet-tile").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    after = foreign(requests, live_server.url)
    assert after  # now, and only now
    assert all(url.startswith("https://tiles.example.test/") for url in after)


def test_without_a_tile_server_there_is_no_street_map_to_load(page, live_server, placed, settings):
    settings.CLUSTERDIRECTORY = {**settings.CLUSTERDIRECTORY, "MAP_TILES": {"url": ""}}
    requests = record_requests(page)
    page.goto("/en/clusters/")
    expect(page.locator(".cluster-map")).to_have_attribute("data-shown", "3")
    expect(page.locator(".cluster-map button")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert foreign(requests, live_server.url) == []


def test_on_a_phone_the_list_comes_first_and_the_map_is_a_tap_away(browser, live_server, placed):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 812}, locale="en"
    )
    page = context.new_page()
    page.goto("/en/clusters/")
    cluster_map = page.locator(".cluster-map")
    expect(cluster_map).to_have_attribute("data-shown", "3")
    first_card = page.locator(".cluster-card").first
    top = first_card.evaluate("card => card.getBoundingClientRect().top + window.scrollY")
    assert top < 1000
    canvas = cluster_map.locator(".cluster-map__canvas")
    expect(canvas).to_be_hidden()  # folded

    summary = cluster_map.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(canvas).to_be_visible()
    # After the summary: the map itself, then its markers from north to south.
    page.keyboard.press("Tab")
    expect(canvas).to_be_focused()
    for title in ("CEwind", "Windcomm", "LogI-SH"):
        page.keyboard.press("Tab")
        focused = page.locator(".cluster-map__marker:focus")
        expect(focused).to_have_attribute("title", title)
    page.keyboard.press("Enter")  # opens its popup, with the link to the cluster
    expect(page.locator(".leaflet-popup-content a")).to_be_focused()
    expect(page.locator(".leaflet-popup-content a")).to_have_text("LogI-SH")
    context.close()

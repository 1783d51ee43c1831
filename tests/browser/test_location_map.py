"""The registration form puts the cluster at its city as it is typed (from the site's own
place list: nothing is asked of a third party), and the visitor may move it on the map."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_city_places_the_cluster_and_a_click_moves_it(page, live_server, cluster_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/en/clusters/register/")
    latitude, longitude = page.locator("#id_latitude"), page.locator("#id_longitude")
    expect(page.locator(".location-map__canvas .leaflet-basemap-pane path")).not_to_have_count(0)

    page.fill("#id_city", "Sonderborg")
    page.select_option("#id_country", "DK")
    expect(latitude).to_have_value("54.90896")
    expect(longitude).to_have_value("9.78917")
    page.fill("#id_city", "Aabenraa")
    page.locator("#id_city").dispatch_event("change")
    expect(latitude).to_have_value("55.04434")  # a new city moves what the city placed

    page.locator(".location-map__canvas").click(position={"x": 300, "y": 60})  # off the pin
    expect(latitude).not_to_have_value("55.04434")
    placed = latitude.input_value()
    page.fill("#id_city", "Kolding")
    page.locator("#id_city").dispatch_event("change")
    page.wait_for_load_state("networkidle")
    expect(latitude).to_have_value(placed)  # the visitor's own point stays
    assert [url for url in requests if not url.startswith(live_server.url + "/")] == []


def test_a_form_back_with_errors_keeps_the_point_and_it_follows_the_city(page, cluster_site):
    page.goto("/en/clusters/register/")
    page.fill("#id_city", "Sonderborg")
    page.select_option("#id_country", "DK")
    expect(page.locator("#id_latitude")).to_have_value("54.90896")
    page.get_by_role("button", name="Send registration").click()  # the rest is missing

    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#id_latitude")).to_have_value("54.90896")
    page.wait_for_load_state("networkidle")
    page.fill("#id_city", "Aabenraa")
    page.locator("#id_city").dispatch_event("change")
    expect(page.locator("#id_latitude")).to_have_value("55.04434")

"""A visitor filters the cluster directory with the plain HTML form (with or without
JavaScript), pages through the results and switches language without losing the filter."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Wind energy and logistics, in Germany (see CLUSTERS in conftest.py).
MATCHING = {"Baltic Wind Logistics", "CEwind", "Kiel Offshore Port"}


def card_titles(page):
    return set(page.locator(".cluster-card .card__title").all_inner_texts())


def query(page):
    params = parse_qs(urlsplit(page.url).query)
    return {key: sorted(values) for key, values in params.items()}


def filter_state(page):
    return {
        "tags": sorted(
            page.locator('input[name="tag"]:checked').evaluate_all("els => els.map(e => e.value)")
        ),
        "country": page.locator('input[name="country"]:checked').get_attribute("value"),
    }


def test_filter_page_through_and_switch_language(page, cluster_site, settings):
    settings.CLUSTERDIRECTORY = {"CLUSTERS_PER_PAGE": 2}

    page.goto("/de/")
    page.locator(".main-nav").get_by_role("link", name="Teilnehmende Cluster").click()
    expect(page).to_have_url("/de/clusters/")
    expect(page.locator("h1")).to_have_text("Teilnehmende Cluster")
    expect(page.locator(".result-count")).to_contain_text("7")
    snap(page, "index")

    # Tag labels read in German; the form is plain HTML, submitted with the button.
    page.get_by_role("checkbox", name="Windenergie").check()
    page.get_by_role("checkbox", name="Logistik").check()
    page.locator('input[name="country"][value="DE"]').check()
    page.locator('input[name="match"]').check()  # clusters with both, not either
    page.get_by_role("button", name="Cluster anzeigen").click()
    page.wait_for_url("**/de/clusters/?*")
    snap(page, "filtered")

    assert query(page)["tag"] == ["logistics", "wind-energy"]
    assert query(page)["country"] == ["DE"]
    assert query(page)["match"] == ["all"]
    expect(page.locator(".result-count")).to_contain_text("3")
    first = card_titles(page)
    assert len(first) == 2
    assert first <= MATCHING

    page.locator(".pagination").get_by_role("link", name="2", exact=True).click()
    page.wait_for_url("**page=2*")
    snap(page, "page 2")
    second = card_titles(page)
    assert first | second == MATCHING
    assert query(page)["tag"] == ["logistics", "wind-energy"]
    expect(page.locator('.pagination [aria-current="page"]')).to_have_text("2")

    page.locator('.language-switcher a[hreflang="da"]').click()
    page.wait_for_url("**/da/clusters/?*")
    snap(page, "danish")
    assert page.locator("html").get_attribute("lang") == "da"
    expect(page.locator("h1")).to_have_text("Deltagende klynger")
    assert query(page) == {
        "country": ["DE"],
        "tag": ["logistics", "wind-energy"],
        "match": ["all"],
        "page": ["2"],
    }
    assert filter_state(page) == {"tags": ["logistics", "wind-energy"], "country": "DE"}
    expect(page.get_by_role("checkbox", name="Vindenergi")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Fødevarer")).not_to_be_checked()
    assert card_titles(page) == second


def test_directory_fits_a_narrow_phone_screen(page, cluster_site):
    page.set_viewport_size({"width": 375, "height": 812})
    for url in ("/en/clusters/", "/da/clusters/", "/de/clusters/?tag=wind-energy&country=DE"):
        page.goto(url)
        snap(page, url)
        # The site's stylesheet is served and applied: the header has its accent colour.
        header = page.locator(".site-header")
        expect(header).to_have_css("background-color", "rgb(11, 83, 148)")
        widths = page.evaluate(
            "({page: document.documentElement.scrollWidth, window: window.innerWidth})"
        )
        assert widths["page"] <= widths["window"], f"{url} scrolls sideways: {widths}"


def test_filter_works_without_javascript(browser, live_server, cluster_site):
    """The filters are a plain form: they work in a browser with JavaScript turned off."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/de/clusters/")
        page.get_by_role("checkbox", name="Windenergie").check()
        page.get_by_role("checkbox", name="Logistik").check()
        page.locator('input[name="country"][value="DE"]').check()
        page.locator('input[name="match"]').check()
        page.get_by_role("button", name="Cluster anzeigen").click()
        page.wait_for_url("**/de/clusters/?*")

        assert query(page)["tag"] == ["logistics", "wind-energy"]
        assert query(page)["country"] == ["DE"]
        expect(page.locator(".result-count")).to_contain_text("3")
        assert card_titles(page) == MATCHING
    finally:
        context.close()

"""Languages: URL prefixes, the root redirect, the language switcher and hreflang links."""

import re

import pytest
from bs4 import BeautifulSoup


def switcher(html):
    nav = BeautifulSoup(html, "html.parser").select_one("nav.language-switcher")
    return {a["hreflang"]: a["href"] for a in nav.find_all("a")}


@pytest.mark.usefixtures("shared_demo_site")
class TestTheDemoInThreeLanguages:
    """One load of the demo for all of these tests (they only read it; what one changes is
    rolled back)."""

    @pytest.mark.parametrize(
        "accept, target", [("da", "/da/"), ("de-DE,de;q=0.9", "/de/"), ("fr", "/en/")]
    )
    @pytest.mark.demo_rendering
    def test_root_redirects_by_browser_language(self, client, accept, target):
        response = client.get("/", headers={"accept-language": accept})
        assert response.status_code == 302
        assert response["Location"] == target

    @pytest.mark.demo_rendering
    def test_language_switcher_links_to_the_translation_and_keeps_filters(self, client, settings):
        settings.PAGE_CACHE_ENABLED = False  # reads response.context, which cached answers lack
        html = client.get("/de/participating-clusters/?tag=wind-energy&country=DE").content
        links = switcher(html)
        assert links == {
            "en": "/en/participating-clusters/?tag=wind-energy&country=DE",
            "da": "/da/participating-clusters/?tag=wind-energy&country=DE",
            "de": "/de/participating-clusters/?tag=wind-energy&country=DE",
        }
        for url in links.values():
            response = client.get(url)
            assert [c.title for c in response.context["clusters"]] == [
                "CEwind Center of Excellence Wind Energy",
                "Windcomm Schleswig-Holstein",
            ]

    @pytest.mark.demo_rendering
    def test_switcher_marks_the_current_language(self, client):
        soup = BeautifulSoup(client.get("/da/about/").content, "html.parser")
        current = soup.select_one('nav.language-switcher a[aria-current="true"]')
        assert current["hreflang"] == "da"
        assert soup.html["lang"] == "da"

    @pytest.mark.demo_rendering
    def test_hreflang_alternates_on_every_page(self, client):
        html = client.get("/en/participating-clusters/alucluster/").content
        soup = BeautifulSoup(html, "html.parser")
        alternates = {
            link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")
        }
        assert alternates == {
            "en": "http://testserver/en/participating-clusters/alucluster/",
            "x-default": "http://testserver/en/participating-clusters/alucluster/",
            "da": "http://testserver/da/participating-clusters/alucluster/",
            "de": "http://testserver/de/participating-clusters/alucluster/",
        }

    @pytest.mark.demo_rendering
    def test_untranslated_page_offers_the_other_languages_home(self, client):
        from wagtail.models import Locale

        from clusterdirectory.models import ClusterPage

        alu_da = ClusterPage.objects.get(
            slug="alucluster", locale=Locale.objects.get(language_code="da")
        )
        alu_da.unpublish()
        links = switcher(client.get("/en/participating-clusters/alucluster/").content)
        assert links["da"] == "/da/"
        assert re.match(r"^/de/participating-clusters/alucluster/$", links["de"])

"""The demo content command builds the whole translated site, and running it again is safe."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils.timezone import localdate
from wagtail.models import Page, Site

from clusterdirectory.models import (
    ClusterIndexPage,
    ClusterPage,
    EventPage,
    IndustryTagName,
    NewsPage,
)
from clusterdirectory.registration.notifications import admin_url
from home.demo.content import ILLUSTRATION_ALT
from home.demo.texts import TRANSLATIONS
from home.models import FundingLogo, HomePage, Menu


def in_language(text, code):
    return text if code == "en" else TRANSLATIONS[text][code]


def body_texts(html):
    """The texts of a page's body, one per element, spaces made single."""
    body = BeautifulSoup(html, "html.parser").find("body")
    return {" ".join(text.split()) for text in body.stripped_strings}


# Names that stay as they are in every language, besides the clusters' own names.
PROPER_NAMES = [
    "InTra-Net",
    "INTERREG 4A",
    "Syddanmark-Schleswig-K.E.R.N.",
    "WTSH",
    "REG X",
    "Matchpoint",
    "Schleswig-Holstein",
    "Creative Commons Attribution 4.0 (CC BY 4.0)",
    "Wirtschaftsförderung und Technologietransfer in Schleswig-Holstein",
    "Life science",  # the same word in Danish
    "Jesper Lund",
    "Michael Nedergaard",
    "Axel Wiese",
    "Kolding",
    "Flensburg",
]


def translatable_words(text, names):
    """The words of ``text`` left once ``names`` and what has no letter are taken out."""
    for name in names:
        text = text.replace(name, " ")
    return [word for word in text.split() if any(c.isalpha() for c in word)]


def page_counts():
    return {
        code: Page.objects.filter(depth__gt=1, locale__language_code=code).count()
        for code in ("en", "da", "de")
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loading_twice_keeps_one_copy(demo_site):
    before = page_counts()
    names_before = IndustryTagName.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert page_counts() == before
    assert IndustryTagName.objects.count() == names_before
    assert before["en"] == before["da"] == before["de"]
    assert HomePage.objects.count() == 3
    assert Menu.objects.count() == 6  # header and footer in three languages
    assert FundingLogo.objects.get().is_union_emblem  # the EU emblem in the header, once


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_absolute_link_points_where_the_site_is_served(demo_site, settings, client):
    """As after ``PORT=8765 make run``: the API's, exports' and e-mails' links all name it."""
    base = "http://127.0.0.1:8765"
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = base
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8765)

    headers = {"HTTP_HOST": "127.0.0.1:8765"}
    listing = client.get("/api/v3/clusters/", {"locale": "de"}, **headers).json()
    cluster = listing["items"][0]
    links = [cluster["html_url"], cluster["detail_url"]]
    detail = client.get(cluster["detail_url"].removeprefix(base), **headers).json()
    links += [detail["meta"]["html_url"], detail["meta"]["detail_url"]]
    # Links between pages are paths on the site, for a front end to map to its own routes.
    assert all(partner["url"].startswith("/de/") for partner in detail["potential_partners"])
    events = client.get(
        "/api/v2/pages/", {"type": "clusterdirectory.EventIndexPage", "fields": "calendar_url"}
    ).json()["items"]
    links += [events[0]["calendar_url"], events[0]["meta"]["html_url"]]
    index = ClusterIndexPage.objects.get(locale__language_code="de")
    export = client.get(index.url + "export.csv", **headers).content.decode()
    links += [row["url"] for row in csv.DictReader(io.StringIO(export))]
    links.append(admin_url("/admin/"))
    assert len(links) > 10
    assert [link for link in links if not link.startswith(base + "/")] == []


@pytest.mark.usefixtures("shared_demo_site")
class TestTheLoadedDemo:
    """What the demo holds, one load for all of these tests (they only read it)."""

    def test_clusters_without_a_contact_are_reached_through_the_networks_contact(self):
        """Most demo profiles name nobody: their contact form goes to the network contact
        of the site's settings."""
        silent = ClusterPage.objects.filter(locale__language_code="de", contact_email="").first()
        client = Client()
        html = client.get(silent.url).content.decode()
        assert f'href="{silent.url}contact/"' in html
        # The network's organisation, by its name (the same in every language).
        assert "<strong>REG X</strong>" in html
        form = client.get(silent.url + "contact/")
        assert form.status_code == 200
        assert "<strong>REG X</strong>" in form.content.decode()

    def test_every_cluster_in_every_language_linked_as_translations(self):
        for code in ("en", "da", "de"):
            assert ClusterPage.objects.live().filter(locale__language_code=code).count() == 21
        cewind = ClusterPage.objects.get(slug="cewind", locale__language_code="en")
        translations = {p.locale.language_code: p for p in cewind.get_translations()}
        assert set(translations) == {"da", "de"}
        assert translations["da"].specific.city == "Flensborg"
        # Profiles the seed gives only by name carry no invented contact data.
        assert (
            not ClusterPage.objects.exclude(slug__in=["alucluster", "cewind"])
            .exclude(contact_email="")
            .exists()
        )

    def test_every_cluster_is_on_the_map_at_its_city(self):
        clusters = ClusterPage.objects.filter(locale__language_code="en")
        assert clusters.count() == 21
        assert not clusters.filter(latitude__isnull=True).exists()
        places = {page.slug: (page.city, page.latitude, page.longitude) for page in clusters}
        assert places["windcomm-sh"] == ("Husum", 54.4858, 9.05239)
        assert places["lean-energy-cluster"] == ("Sønderborg", 54.90896, 9.78917)
        assert places["alucluster"] == ("Kolding", 55.4903, 9.4745)  # its street address
        # The translations share the place; the city reads in their language.
        german = ClusterPage.objects.get(slug="lean-energy-cluster", locale__language_code="de")
        assert (german.city, german.latitude) == ("Sonderburg", 54.90896)

    def test_the_privacy_page_names_where_street_map_tiles_come_from(self, client):
        text = client.get("/en/privacy/").content.decode()
        assert "draws the land and borders from this website" in text
        assert "load map tiles from tile.openstreetmap.org" in text

    def test_seed_profiles_and_workshops(self):
        alu = ClusterPage.objects.get(slug="alucluster", locale__language_code="en")
        assert (alu.po_box, alu.street, alu.postcode, alu.city) == (
            "804",
            "Jernbanegade 27",
            "6000",
            "Kolding",
        )
        assert (alu.contact_name, alu.contact_email, alu.contact_phone) == (
            "Michael Nedergaard",
            "mn@alucluster.com",
            "+45 2035 3255",
        )
        assert (alu.founded_year, alu.members_count) == (2001, 75)
        assert [t.slug for t in alu.industries.all()] == ["aluminium"]
        first = EventPage.objects.get(slug="workshop-1", locale__language_code="en")
        assert (localdate(first.starts_at).isoformat(), localdate(first.ends_at).isoformat()) == (
            "2012-01-17",
            "2012-01-18",
        )
        assert len(first.focus_topics) == 6

    def test_header_and_footer_menus_in_every_language(self, client):
        def links(html, selector):
            nav = BeautifulSoup(html, "html.parser").select_one(selector)
            return [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]

        html = client.get("/da/").content
        assert links(html, "nav.main-nav") == [
            ("Forside", "/da/"),
            ("Om projektet", "/da/about/"),
            ("Nyheder og arrangementer", "/da/news-and-events/"),
            ("Deltagende klynger", "/da/participating-clusters/"),
            ("Grænseoverskridende casestudier", "/da/case-studies/"),
            ("Kontakt", "/da/contact/"),
        ]
        assert links(html, "nav.footer-nav") == [
            ("Kontakt", "/da/contact/"),
            ("Privatlivspolitik", "/da/privacy/"),
            ("Partnere", "/da/about/partners/"),
            ("Slutrapport", "/da/about/final-report/"),
        ]
        german = links(client.get("/de/").content, "nav.main-nav")
        assert german[0] == ("Startseite", "/de/")
        assert links(client.get("/en/").content, "nav.footer-nav")[-1] == (
            "Final report",
            "/en/about/final-report/",
        )

    @pytest.mark.demo_rendering
    def test_every_page_renders_in_every_language(self, client):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            response = client.get(page.url)
            assert response.status_code == 200, page.url

    @pytest.mark.demo_rendering
    def test_translated_pages_and_tag_names_read_in_their_language(self, client):
        html = client.get("/da/participating-clusters/").content.decode()
        assert "Deltagende klynger" in html
        assert "Vindenergi" in html
        assert '<html lang="da">' in html
        html = client.get("/de/participating-clusters/cewind/").content.decode()
        assert "Windenergie" in html and "Geschäftsführer" in html
        html = client.get("/de/case-studies/cross-border-clusters/").content.decode()
        assert "<strong>Arbeitskräftemobilität</strong>" in html

    @pytest.mark.demo_rendering
    def test_every_text_is_translated_proper_names_aside(self, client):
        """No sentence of an English page is on its Danish or German translation as it is,
        save the names of clusters, people, organisations and places."""
        names = sorted(
            [*PROPER_NAMES, *ClusterPage.objects.values_list("title", flat=True)],
            key=len,
            reverse=True,
        )
        untranslated = []
        for english in Page.objects.live().filter(depth__gt=1, locale__language_code="en"):
            sentences = body_texts(client.get(english.url).content)
            for translation in english.get_translations().live():
                shown = body_texts(client.get(translation.url).content)
                untranslated += [
                    (translation.url, text)
                    for text in sentences & shown
                    if len(translatable_words(text, names)) >= 2
                ]
        assert sorted(untranslated) == []

    @pytest.mark.demo_rendering
    def test_every_page_links_to_the_accessibility_statement_in_its_language(self, client):
        for code, label, url in (
            ("en", "Accessibility statement", "/en/accessibility/"),
            ("da", "Tilgængelighedserklæring", "/da/accessibility/"),
            ("de", "Erklärung zur Barrierefreiheit", "/de/accessibility/"),
        ):
            for path in (f"/{code}/", f"/{code}/participating-clusters/", f"/{code}/contact/"):
                soup = BeautifulSoup(client.get(path).content, "html.parser")
                link = soup.select_one(".site-footer .footer-accessibility a")
                assert (link.get_text(), link["href"]) == (label, url), path
            statement = client.get(url)
            assert statement.status_code == 200
            assert "WCAG" in statement.content.decode()

    @pytest.mark.demo_rendering
    def test_home_pages_are_described_and_workshops_told_apart(self, client):
        for code in ("en", "da", "de"):
            soup = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
            description = soup.find("meta", attrs={"name": "description"})["content"]
            assert len(description.split()) >= 8
            events = BeautifulSoup(client.get(f"/{code}/news-and-events/").content, "html.parser")
            summaries = [
                p.get_text(strip=True) for p in events.select(".event-card .card__summary")
            ]
            assert len(summaries) >= 3 and len(set(summaries)) == len(summaries)

    @pytest.mark.demo_rendering
    def test_the_eu_emblem_with_its_fund_in_every_language(self, client):
        names = {
            "en": "European Union – European Regional Development Fund",
            "da": "Den Europæiske Union – Den Europæiske Fond for Regionaludvikling",
            "de": "Europäische Union – Europäischer Fonds für regionale Entwicklung",
        }
        for code, name in names.items():
            for path in (f"/{code}/", f"/{code}/about/partners/"):
                soup = BeautifulSoup(client.get(path).content, "html.parser")
                [partner] = [
                    li
                    for li in soup.select(".partner")
                    if li.select_one(".partner__name").get_text(strip=True) == name
                ]
                # Beside its name, which says what it is: the image itself is not read out.
                emblem = partner.select_one("img.partner__logo")
                assert emblem is not None and emblem["alt"] == "", path

    def test_events_and_news_are_illustrated_with_alt_text_in_their_language(self, client):
        pages = [*EventPage.objects.live(), *NewsPage.objects.live()]
        assert len(pages) >= 12  # three languages of each
        assert len({page.image_id for page in pages}) == len(pages) // 3  # one of its own
        for page in pages:
            code = page.locale.language_code
            assert page.image.title.startswith("Illustration: ")
            soup = BeautifulSoup(client.get(page.url).content, "html.parser")
            image = soup.select_one("main picture img.page-image")
            assert image is not None, page.url
            assert image["alt"] == in_language(ILLUSTRATION_ALT, code), page.url

    def test_a_favicon(self, client):
        html = client.get("/en/").content.decode()
        assert '<link rel="icon" href="/static/img/favicon.svg' in html
        response = client.get("/favicon.ico")
        assert response.status_code == 301 and "favicon" in response["Location"]

    def test_page_titles_name_the_site_once(self, client):
        for code in ("en", "da", "de"):
            home = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
            assert home.title.string == "InTra-Net", code
            about = BeautifulSoup(client.get(f"/{code}/about/").content, "html.parser")
            assert about.title.string.endswith(" | InTra-Net"), code
            assert about.title.string.count("InTra-Net") == 1, code

    def test_staff_can_open_every_demo_page_and_the_tag_names_in_the_admin(
        self, client, django_user_model
    ):
        admin = django_user_model.objects.create_superuser("editor", password="pw")
        client.force_login(admin)
        seen = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            if type(page) in seen:
                continue
            seen.add(type(page))
            response = client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, type(page).__name__
        assert len(seen) == 9
        response = client.get("/admin/snippets/clusterdirectory/industrytagname/?locale=da")
        assert response.status_code == 200
        assert "Vindenergi" in response.content.decode()

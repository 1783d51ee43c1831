"""What search engines and link previews read: sitemap.xml, robots.txt, the page head."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction, Site

from home.models import StandardPage
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def home(home, locales):
    """The site's home page (tests/site/conftest.py) named, in three languages."""
    site = Site.objects.get(root_page=home)
    site.site_name = "InTra-Net"
    site.save()
    for code in ("da", "de"):
        translate_page(home, locales[code])
    return home


@pytest.fixture
def site_tree(home, locales):
    clusters = ClusterIndexPageFactory(parent=home)
    alu = ClusterPageFactory(parent=clusters, title="AluCluster", slug="alucluster")
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    for page in (clusters, alu, about):
        for code in ("da", "de"):
            translate_page(page, locales[code])
    english_only = home.add_child(instance=StandardPage(title="English only", slug="english"))
    draft = ClusterPageFactory(parent=clusters, title="Draft", slug="draft", live=False)
    private = home.add_child(instance=StandardPage(title="Members", slug="members"))
    private.add_child(instance=StandardPage(title="Minutes", slug="minutes"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"alu": alu, "about": about, "english_only": english_only, "draft": draft}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own answer)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_language_with_alternates(client, site_tree):
    entries = sitemap(client)
    paths = sorted(urlsplit(loc).path for loc in entries)
    assert paths == sorted(
        f"/{code}/{path}"
        for code in ("en", "da", "de")
        for path in ("", "about/", "clusters/", "clusters/alucluster/")
    ) + ["/en/english/"]
    for loc, alternates in entries.items():
        if loc.endswith("/english/"):
            assert alternates == {}  # nothing to point at
            continue
        assert set(alternates) == {"en", "da", "de", "x-default"}
        assert alternates["x-default"] == alternates["en"]
        assert loc in alternates.values()  # every entry names itself
        for code in ("en", "da", "de"):
            # The alternates point at each other, in their own language.
            assert urlsplit(alternates[code]).path.startswith(f"/{code}/")
            assert entries[alternates[code]] == alternates


def test_sitemap_leaves_out_drafts_and_private_pages(client, site_tree, locales):
    danish_alu = site_tree["alu"].get_translation(locales["da"])
    danish_alu.unpublish()
    entries = sitemap(client)
    paths = {urlsplit(loc).path for loc in entries}
    assert not {path for path in paths if "draft" in path or "members" in path}
    assert "/da/clusters/alucluster/" not in paths
    english = next(loc for loc in entries if loc.endswith("/en/clusters/alucluster/"))
    assert set(entries[english]) == {"en", "de", "x-default"}


def test_robots_txt(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /en/search/",
        "Disallow: /da/search/",
        "Disallow: /de/search/",
        "Sitemap: http://testserver/sitemap.xml",
    } <= set(lines)
    assert "Disallow: /" not in lines


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag and tag["content"]


@pytest.fixture
def news(home):
    events = EventIndexPageFactory(parent=home)
    return NewsPageFactory(
        parent=events,
        title="Forum in Szczecin",
        slug="forum",
        summary="Presented at the business forum.",
        image=wagtail_factories.ImageFactory(title="Szczecin"),
    )


def test_open_graph_of_a_news_article(client, news):
    soup = head(client, news.url)
    url = f"http://testserver{news.url}"
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Forum in Szczecin"
    assert meta(soup, "og:description") == "Presented at the business forum."
    assert meta(soup, "description") == "Presented at the business forum."
    assert meta(soup, "og:locale") == "en_GB"
    assert meta(soup, "og:site_name") == "InTra-Net"
    image = meta(soup, "og:image")
    assert image.startswith("http://testserver/") and "fill-1200x630" in image
    assert int(meta(soup, "og:image:width")) > 0
    assert meta(soup, "og:image:alt") == "Szczecin"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == image


def test_promote_tab_overrides(client, news):
    news.seo_title = "Szczecin forum: InTra-Net presented"
    news.search_description = "For search engines."
    news.social_image = wagtail_factories.ImageFactory(title="Shared")
    news.save_revision().publish()
    soup = head(client, news.url)
    assert soup.title.get_text() == "Szczecin forum: InTra-Net presented | InTra-Net"
    assert meta(soup, "og:title") == "Szczecin forum: InTra-Net presented"
    assert meta(soup, "description") == "For search engines."
    assert meta(soup, "og:image:alt") == "Shared"


def test_cluster_logo_is_shared_uncropped(client, site_tree):
    alu = site_tree["alu"]
    alu.logo = wagtail_factories.ImageFactory(title="AluCluster logo")
    alu.save_revision().publish()
    soup = head(client, alu.url)
    assert meta(soup, "og:type") == "website"
    assert "max-1200x630" in meta(soup, "og:image")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Organization"
    assert data["logo"] == meta(soup, "og:image")


def test_page_without_image_is_shared_as_a_summary(client, site_tree):
    soup = head(client, site_tree["about"].url)
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"


def test_og_locale_and_alternates_follow_the_translations(client, site_tree, locales):
    soup = head(client, "/da/about/")
    assert meta(soup, "og:locale") == "da_DK"
    alternates = [tag["content"] for tag in soup.find_all("meta", property="og:locale:alternate")]
    assert sorted(alternates) == ["de_DE", "en_GB"]
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/da/about/"
    assert not head(client, "/en/english/").find_all("meta", property="og:locale:alternate")


def test_routable_sub_page_is_its_own_canonical(client, site_tree):
    index = site_tree["alu"].get_parent().specific
    soup = head(client, index.url + "register/")
    assert soup.find("link", rel="canonical")["href"] == f"http://testserver{index.url}register/"


def test_markup_in_a_title_stays_text(client, site_tree):
    alu = site_tree["alu"]
    alu.title = '"><script>alert(1)</script>'
    alu.save_revision().publish()
    html = client.get(alu.url).content.decode()
    assert "<script>alert(1)" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert meta(soup, "og:title") == '"><script>alert(1)</script>'
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["name"] == '"><script>alert(1)</script>'


def test_home_page_describes_the_website_and_its_search(client, site_tree):
    soup = head(client, "/de/")
    data = [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]
    assert data == [
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "InTra-Net",
            "url": "http://testserver/de/",
            "inLanguage": "de",
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": "http://testserver/de/search/?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    ]
    about = head(client, "/de/about/")
    assert not about.find_all("script", type="application/ld+json")


def test_search_template_url_finds_pages(client, site_tree):
    soup = head(client, "/en/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    url = urlsplit(data["potentialAction"]["target"]["urlTemplate"])
    query = url.query.replace("{search_term_string}", "AluCluster")
    response = client.get(f"{url.path}?{query}")
    titles = BeautifulSoup(response.content, "html.parser").select(".search-result__title")
    assert [title.get_text(strip=True) for title in titles] == ["AluCluster"]


@pytest.mark.demo_rendering
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_sitemap_entry_of_the_demo_answers_with_its_own_canonical(client, demo_site):
    entries = sitemap(client)
    by_language = {}
    for loc in entries:
        by_language.setdefault(urlsplit(loc).path.split("/")[1], []).append(loc)
    assert sorted(by_language) == ["da", "de", "en"]
    assert len(by_language["en"]) == len(by_language["da"]) == len(by_language["de"])
    for loc, alternates in entries.items():
        path = urlsplit(loc).path
        assert set(alternates) == {"en", "da", "de", "x-default"}, path
        soup = head(client, path)
        assert urlsplit(soup.find("link", rel="canonical")["href"]).path == path
        assert meta(soup, "og:title")

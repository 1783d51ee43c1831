"""The page cache: anonymous pages, filter URLs and the API answered from the cache without a
query; every content change purges them; editors, previews and forms never share them."""

from http.server import BaseHTTPRequestHandler, HTTPServer
from threading import Thread

import pytest
from django.test import Client

from clusterdirectory.models import IndustryTagName
from home.models import NetworkContactSettings
from tests.conftest import translate_page
from tests.factories import ClusterIndexPageFactory, ClusterPageFactory, IndustryTagFactory
from tests.menus import make_menu
from tests.site.test_headless import PREVIEW_URL, preview, preview_query

API_LISTING = "/api/v2/pages/?type=clusterdirectory.ClusterPage&fields=*&industry=wind-energy"


@pytest.fixture
def wind(locales):
    return IndustryTagFactory(name="Wind energy", slug="wind-energy")


@pytest.fixture
def cewind(cluster_index, wind):
    return ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        country="DE",
        city="Flensburg",
        contact_email="info@cewind.example",
        industries=[wind],
    )


@pytest.fixture
def urls(cluster_index, cewind):
    """A cluster shows on its own page, the index, filtered listings and the API."""
    return [
        cewind.url,
        cluster_index.url,
        f"{cluster_index.url}?tag=wind-energy&country=DE",
        API_LISTING,
    ]


def fetch(client, url, cache):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Cache") == cache, url
    return response.content.decode()


def fill(urls):
    client = Client()
    for url in urls:
        fetch(client, url, "MISS")
    return client


def test_second_anonymous_request_is_answered_without_a_query(
    client, urls, django_assert_num_queries
):
    first = {url: fetch(client, url, "MISS") for url in urls}
    for url in urls:
        with django_assert_num_queries(0):
            assert fetch(client, url, "HIT") == first[url]


def test_query_string_is_part_of_the_key(client, cluster_index, cewind):
    fetch(client, f"{cluster_index.url}?country=DE", "MISS")
    assert "CEwind" not in fetch(client, f"{cluster_index.url}?country=DK", "MISS")
    assert "CEwind" in fetch(client, f"{cluster_index.url}?country=DE", "HIT")


@pytest.mark.parametrize(
    "query", ["?q=flensburg", "?tag=wind-energy&q=Flensburg%20wind", "?q=flensburg&country=DE"]
)
def test_answers_to_search_text_are_not_stored(client, cluster_index, cewind, query):
    """What visitors type is unbounded: storing it would push out the pages asked often."""
    response = client.get(cluster_index.url + query)
    assert response.status_code == 200
    assert "CEwind" in response.content.decode()
    assert "X-Cache" not in response
    assert "X-Cache" not in client.get(cluster_index.url + query)
    # An empty search box is no search: the filter is stored as without it.
    fetch(client, f"{cluster_index.url}?q=&country=DE", "MISS")
    fetch(client, f"{cluster_index.url}?q=&country=DE", "HIT")


def test_site_search_and_api_search_are_not_stored(client, cewind):
    for url in ("/en/search/?q=CEwind", "/api/v3/clusters/?locale=en&q=CEwind"):
        assert client.get(url).status_code == 200, url
        assert "X-Cache" not in client.get(url), url


def publish_new_title(page):
    page.title = "CEwind Renamed"
    page.save_revision().publish()


def unpublish(page):
    page.unpublish()


def move_away(page):
    other = ClusterIndexPageFactory(parent=page.get_parent().get_parent(), slug="elsewhere")
    page.move(other, pos="last-child")


def delete(page):
    page.delete()


@pytest.mark.parametrize(
    ("change", "in_listings", "in_api"),
    [
        (publish_new_title, True, True),
        (unpublish, False, False),
        (move_away, False, True),  # still a live cluster, in another index
        (delete, False, False),
    ],
)
def test_page_changes_purge_every_url_that_shows_the_page(
    urls, cewind, change, in_listings, in_api
):
    client = fill(urls)
    change(cewind)
    _, index, filtered, api = urls  # the cluster's own page may be gone
    for url, shown in [(index, in_listings), (filtered, in_listings), (api, in_api)]:
        content = fetch(client, url, "MISS")
        assert ("CEwind" in content) is shown, url
        if shown:
            assert ("CEwind Renamed" in content) is (change is publish_new_title), url


def test_publishing_a_translation_purges_the_listing_in_its_language(
    client, cluster_index, cewind, locales
):
    danish_index = translate_page(cluster_index, locales["da"])
    assert "CEwind" not in fetch(client, danish_index.url, "MISS")
    translate_page(cewind, locales["da"])
    assert "CEwind" in fetch(client, danish_index.url, "MISS")


def test_changing_a_tag_name_purges_listings_and_api(client, cluster_index, cewind, wind, locales):
    german_index = translate_page(cluster_index, locales["de"])
    translate_page(cewind, locales["de"])
    german = IndustryTagName.objects.get(tag=wind).copy_for_translation(locales["de"])
    german.name = "Windkraft"
    german.save()
    urls = [f"{german_index.url}?tag=wind-energy", f"{API_LISTING}&locale=de"]
    for url in urls:
        assert "Windkraft" in fetch(client, url, "MISS")
        fetch(client, url, "HIT")
    german.name = "Windenergie"
    german.save()
    for url in urls:
        assert "Windenergie" in fetch(client, url, "MISS")


def test_saving_any_snippet_purges_every_page(client, urls, wind):
    fill(urls)
    wind.save()
    for url in urls:
        fetch(client, url, "MISS")


def test_changing_the_site_settings_purges_every_page(client, urls, root_page):
    fill(urls)
    contact = NetworkContactSettings.for_site(root_page.get_site())
    contact.organisation = "InTra-Net Secretariat"
    contact.save()
    assert "InTra-Net Secretariat" in fetch(client, urls[1], "MISS")


def test_an_editor_neither_gets_nor_fills_cached_pages(admin_client, client, urls):
    fill(urls)
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
    # The editor's userbar never reaches anonymous visitors.
    fresh = Client()
    assert "wagtail-userbar" not in fetch(fresh, urls[0], "HIT")
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert "X-Cache" not in with_session.get(urls[0])


def test_the_editor_fills_nothing_the_visitor_then_sees(admin_client, client, cewind):
    admin_client.get(cewind.url)
    assert "wagtail-userbar" not in fetch(client, cewind.url, "MISS")


def test_previews_are_never_cached(settings, admin_client, client, cewind):
    response = preview(admin_client, cewind, title="CEwind (draft)")
    assert "CEwind (draft)" in response.content.decode()
    assert "(draft)" not in fetch(client, cewind.url, "MISS")

    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": PREVIEW_URL},
    }
    query = preview_query(preview(admin_client, cewind, title="CEwind (draft)"))
    for _ in range(2):
        response = client.get("/api/v2/page_preview/", query)
        assert response.json()["title"] == "CEwind (draft)"
        assert "X-Cache" not in response


def test_forms_with_a_csrf_token_and_posts_are_not_cached(client, cluster_index, cewind):
    for url in (cewind.url + "contact/", cluster_index.url + "register/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert "csrfmiddlewaretoken" in response.content.decode()
            assert "X-Cache" not in response
    response = client.post(cewind.url + "contact/", {})
    assert "X-Cache" not in response


def test_pages_are_not_cached_when_disabled(settings, client, cewind):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        assert "X-Cache" not in client.get(cewind.url)


def test_the_menu_kept_between_pages_follows_page_and_menu_changes(
    admin_client, client, root_page, cluster_index, cewind
):
    for visitor in (client, admin_client):
        assert "Newsroom" not in visitor.get(cewind.url).content.decode()
    newsroom = ClusterIndexPageFactory(parent=root_page, title="Newsroom", slug="newsroom")
    menu = make_menu("header", [(newsroom, "")])  # no label: the page's title
    for visitor in (client, admin_client):
        assert "Newsroom" in visitor.get(cewind.url).content.decode()
    newsroom.title = "Press"
    newsroom.save_revision().publish()
    for visitor in (client, admin_client):
        assert "Press" in visitor.get(cluster_index.url).content.decode()
    item = menu.items.get()
    item.label = "Media"
    item.save()
    menu.save_revision().publish()
    for visitor in (client, admin_client):
        assert "Media" in visitor.get(cewind.url).content.decode()


@pytest.fixture
def proxy(settings):
    """A caching proxy on loopback that records the PURGE requests Wagtail sends it."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()


def test_a_cdn_is_purged_of_the_page_and_the_indexes_above_it(proxy, cluster_index, cewind):
    publish_new_title(cewind)
    assert {cewind.url, cluster_index.url} <= set(proxy)


def test_a_page_made_while_content_changed_is_never_served(db):
    """The page stored is marked with the content version read before it was made: a change
    committed meanwhile leaves it unused instead of serving what it replaced."""
    from clusterdirectory.cache import content_changed, get_with_version, set_with_version

    version, found = get_with_version("page:http://testserver/en/")
    assert found is None
    content_changed()
    set_with_version("page:http://testserver/en/", "the page before the change", version, 60)
    assert get_with_version("page:http://testserver/en/")[1] is None
    version, _ = get_with_version("page:http://testserver/en/")
    set_with_version("page:http://testserver/en/", "the page after the change", version, 60)
    assert get_with_version("page:http://testserver/en/")[1] == "the page after the change"

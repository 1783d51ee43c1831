"""Routes, view restrictions, header and footer as anonymous visitors get them, through the
page cache: every change shows at once, without anyone clearing a cache; previews are never
cached."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Site

from home.models import MenuItem, NetworkContactSettings
from tests.conftest import translate_page
from tests.factories import ClusterIndexPageFactory, ClusterPageFactory
from tests.menus import make_menu
from tests.site.test_headless import preview


@pytest.fixture
def cluster(cluster_index):
    return ClusterPageFactory(parent=cluster_index, title="CEwind", slug="cewind")


def status(client, url, **headers):
    return client.get(url, headers=headers).status_code


def test_routes_follow_every_change(client, root_page, cluster_index, cluster):
    url = cluster.url
    assert status(client, url) == 200

    cluster.slug = "cewind-gmbh"
    cluster.save_revision().publish()
    assert status(client, url) == 404
    assert status(client, "/en/clusters/cewind-gmbh/") == 200

    cluster.unpublish()
    assert status(client, "/en/clusters/cewind-gmbh/") == 404
    cluster.save_revision().publish()
    assert status(client, "/en/clusters/cewind-gmbh/") == 200

    other = ClusterIndexPageFactory(parent=root_page, title="Partners", slug="partners")
    cluster.move(other, pos="last-child")
    moved = client.get("/en/clusters/cewind-gmbh/")
    assert (moved.status_code, moved["Location"]) == (301, "/en/partners/cewind-gmbh/")
    assert status(client, "/en/partners/cewind-gmbh/") == 200

    Page.objects.get(pk=cluster.pk).delete()
    assert status(client, "/en/partners/cewind-gmbh/") == 404


def test_a_path_that_led_nowhere_leads_to_a_new_page(client, cluster_index):
    assert status(client, "/en/clusters/new-cluster/") == 404
    ClusterPageFactory(parent=cluster_index, slug="new-cluster")
    assert status(client, "/en/clusters/new-cluster/") == 200


def test_a_routable_page_serves_its_own_paths(client, cluster_index):
    for _ in range(2):
        assert status(client, "/en/clusters/register/") == 200
        assert status(client, "/en/clusters/export.csv") == 200
        assert status(client, "/en/clusters/no-such-route/") == 404
    assert status(client, "/en/clusters/") == 200


def test_each_language_routes_to_its_own_page(client, cluster_index, locales):
    german = translate_page(cluster_index, locales["de"])
    german.title = "Teilnehmende Cluster"
    german.save_revision().publish()
    for _ in range(2):
        assert b"<h1>Participating Clusters</h1>" in client.get("/en/clusters/").content
        assert b"<h1>Teilnehmende Cluster</h1>" in client.get("/de/clusters/").content


def test_each_host_routes_to_its_site(client, root_page, cluster_index):
    other_root = Page.get_first_root_node().add_child(title="Other", slug="other-home")
    ClusterIndexPageFactory(parent=other_root, title="Other clusters", slug="clusters")
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    for _ in range(2):
        html = client.get("/en/clusters/", headers={"host": "other.example"}).content
        assert b"<h1>Other clusters</h1>" in html
        assert b"<h1>Participating Clusters</h1>" in client.get("/en/clusters/").content

    other.hostname = "elsewhere.example"
    other.save()
    html = client.get("/en/clusters/", headers={"host": "other.example"}).content
    assert b"<h1>Participating Clusters</h1>" in html  # the default site now


def test_view_restrictions_apply_at_once(client, cluster_index, cluster):
    assert status(client, cluster.url) == 200
    restriction = PageViewRestriction.objects.create(
        page=cluster_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(cluster.url)
    assert 'name="password"' in response.content.decode()  # the password form, not the page
    assert "CEwind" not in response.content.decode()

    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(Group.objects.create(name="Members"))
    response = client.get(cluster.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]

    restriction.delete()
    assert status(client, cluster.url) == 200


def test_header_and_footer_follow_menus_and_settings(client, root_page, cluster_index, cluster):
    def shell(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        header = soup.select_one(".main-nav")
        current = header.select_one('[aria-current="page"]')
        return {
            "header": [a.get_text(strip=True) for a in header.find_all("a")],
            "current": current and current.get_text(strip=True),
            "footer": soup.select_one(".site-footer address").get_text(" ", strip=True),
        }

    menu = make_menu("header", [(cluster_index, "Clusters")])
    assert shell(cluster_index.url) == {
        "header": ["Clusters"],
        "current": "Clusters",  # marked on its own page only
        "footer": "",
    }
    assert shell(cluster.url)["current"] is None

    menu.items = [
        MenuItem(link_page=cluster_index, label="Clusters", sort_order=0),
        MenuItem(link_page=cluster, label="CEwind", sort_order=1),
    ]
    menu.save()
    menu.save_revision().publish()
    settings = NetworkContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation = "InTra-Net"
    settings.save()
    assert shell(cluster.url) == {
        "header": ["Clusters", "CEwind"],
        "current": "CEwind",
        "footer": "InTra-Net",
    }


def test_previews_are_never_kept(admin_client, client, cluster_index):
    assert b"<h1>Participating Clusters</h1>" in client.get(cluster_index.url).content
    shown = preview(admin_client, cluster_index, title="Clusters in preview").content
    assert b"<h1>Clusters in preview</h1>" in shown
    assert b"<h1>Participating Clusters</h1>" in client.get(cluster_index.url).content
    shown = preview(admin_client, cluster_index, title="Another preview").content
    assert b"<h1>Another preview</h1>" in shown

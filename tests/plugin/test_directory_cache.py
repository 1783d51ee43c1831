"""The directory's kept facet index and partner rankings (clusterdirectory/cache.py):
computed once while content stays the same, and right again after every kind of change,
without anyone clearing a cache."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from clusterdirectory.cache import (
    VERSION_KEY,
    cached,
    content_changed,
    content_version,
    get_cache,
)
from clusterdirectory.models import IndustryTagName
from clusterdirectory.partners import potential_partners
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    make_tags,
)

pytestmark = pytest.mark.usefixtures("no_page_cache")


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food")


@pytest.fixture
def clusters(two_clusters):
    return two_clusters


def facets(soup, legend):
    """``{label: count}`` of the filter's check boxes or radio buttons under ``legend``."""
    fieldset = soup.find("legend", string=legend).parent
    return {
        label.get_text(" ", strip=True).rsplit(" (", 1)[0]: int(
            label.find(class_="count").text[1:-1]
        )
        for label in fieldset.find_all("label")
        if label.find(class_="count")
    }


def listing(client, index, **params):
    """The listing as a visitor sees it: the page may come from what is kept, so the HTML,
    not the template's context, is what must follow every change. With ``match=all``, the
    tag counts say what adding each tag leaves, so they change with every cluster."""
    response = client.get(index.url, {"match": "all", **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    cards = soup.find(class_="card-list")
    return {
        "titles": [title.get_text(strip=True) for title in soup.select(".card__title")],
        "count": int(soup.find(class_="result-count").get_text(strip=True).split()[0]),
        "tags": facets(soup, "Industries"),
        "countries": {
            {"Denmark": "DK", "Germany": "DE"}[name]: count
            for name, count in facets(soup, "Country").items()
        },
        "cards": str(cards) if cards else "",
    }


def test_the_index_is_scanned_once_while_content_stays_the_same(client, cluster_index, clusters):
    listing(client, cluster_index, tag="food")
    with CaptureQueriesContext(connection) as captured:
        other = listing(client, cluster_index, tag="wind-energy", country="DE")
    assert other["titles"] == ["CEwind"]
    assert other["tags"] == {"Food": 0, "Wind energy": 1}
    # A filter never asked before reads the kept facet index: no query walks the index's
    # pages (by path) or counts.
    scans = [q["sql"] for q in captured if "LIKE" in q["sql"] or "COUNT(" in q["sql"].upper()]
    assert scans == []


def test_every_change_shows_at_once(client, cluster_index, clusters, tags):
    wind = tags["wind-energy"]
    assert listing(client, cluster_index, tag="wind-energy")["titles"] == ["CEwind"]

    new = ClusterPageFactory(
        parent=cluster_index, title="Offshore Center", country="DK", industries=[wind]
    )
    seen = listing(client, cluster_index, tag="wind-energy")
    assert seen["titles"] == ["CEwind", "Offshore Center"]
    assert seen["countries"] == {"DE": 1, "DK": 1}
    assert seen["tags"] == {"Food": 0, "Wind energy": 2}

    name = IndustryTagName.objects.get(tag=wind, locale__language_code="en")
    name.name = "Wind power"
    name.save()
    seen = listing(client, cluster_index, tag="wind-energy")
    assert seen["tags"] == {"Food": 0, "Wind power": 2}
    assert seen["cards"].count('<li class="tag">Wind power</li>') == 2

    assert listing(client, cluster_index, q="esbjerg")["titles"] == []  # kept until...
    new.city = "Esbjerg"
    new.logo = get_image_model().objects.create(title="logo", file=get_test_image_file())
    new.save_revision().publish()
    card = listing(client, cluster_index, tag="wind-energy")["cards"]
    assert "Esbjerg, " in card
    assert 'class="card__logo"' in card
    assert listing(client, cluster_index, q="esbjerg")["titles"] == ["Offshore Center"]

    new.unpublish()
    assert listing(client, cluster_index, tag="wind-energy")["titles"] == ["CEwind"]

    new.save_revision().publish()
    PageViewRestriction.objects.create(page=new, restriction_type="password", password="x")
    assert listing(client, cluster_index, tag="wind-energy")["titles"] == ["CEwind"]

    other_index = ClusterIndexPageFactory(parent=cluster_index.get_parent(), slug="more")
    clusters[0].move(other_index, pos="last-child")
    assert listing(client, cluster_index, tag="wind-energy")["count"] == 0
    assert listing(client, other_index, tag="wind-energy")["titles"] == ["CEwind"]

    clusters[1].delete()
    assert listing(client, cluster_index)["titles"] == []


def test_partner_suggestions_follow_new_clusters(cluster_index, clusters, tags):
    food = clusters[1]
    assert potential_partners(food) == []
    ClusterPageFactory(
        parent=cluster_index, title="Ernährung SH", country="DE", industries=[tags["food"]]
    )
    assert [partner.page.title for partner in potential_partners(food)] == ["Ernährung SH"]


def test_a_preview_ranks_its_own_unsaved_focus_areas(cluster_index, clusters):
    food = clusters[1]
    ClusterPageFactory(
        parent=cluster_index, title="Milk SH", country="DE", focus_areas="Dairy, cheese"
    )
    assert potential_partners(food) == []
    food.focus_areas = "Dairy"  # as in the editor's preview: not saved
    assert [partner.page.title for partner in potential_partners(food)] == ["Milk SH"]


def test_pagination_of_a_large_directory_links_around_the_current_page(
    client, cluster_index, settings
):
    settings.CLUSTERDIRECTORY = {"CLUSTERS_PER_PAGE": 1}
    for n in range(20):
        ClusterPageFactory(parent=cluster_index, title=f"Cluster {n:02d}")
    html = client.get(cluster_index.url, {"page": 10}).content.decode()
    links = {n for n in range(1, 21) if f'href="?page={n}"' in html}
    assert links == {1, 8, 9, 11, 12, 20}
    assert '<span aria-current="page">10</span>' in html
    assert html.count('class="pagination__gap"') == 2


def test_kept_values_follow_the_content_version(db):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert cached("answer", compute) == 1
    assert cached("answer", compute) == 1  # kept
    content_changed()
    assert cached("answer", compute) == 2  # computed again after any change


def test_a_lost_version_never_returns_to_an_old_one(db):
    before = content_version()
    get_cache().delete(VERSION_KEY)  # evicted, or the cache restarted
    assert content_version() > before


def test_a_restarted_development_server_uses_nothing_the_old_code_kept(db):
    """runserver's autoreloader starts the site again after a code change; the cache in files
    is still there."""
    from django.utils.autoreload import StatReloader, autoreload_started

    assert cached("probe", lambda: "made by the old code") == "made by the old code"
    autoreload_started.send(sender=StatReloader())
    assert cached("probe", lambda: "made by the new code") == "made by the new code"

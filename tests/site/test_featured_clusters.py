"""The home page's featured clusters (FeaturedClustersBlock): the chosen clusters as cards, in
the visitor's language, at a cost that does not grow with how many are chosen."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from clusterdirectory.cache import content_changed
from tests.conftest import translate_page
from tests.factories import ClusterIndexPageFactory, ClusterPageFactory
from tests.site.test_page_types import list_items, stream

pytestmark = pytest.mark.usefixtures("no_page_cache")


@pytest.fixture
def cluster_index(home):
    return ClusterIndexPageFactory(parent=home)


def feature(home, clusters):
    home.body = stream(
        [("featured_clusters", {"heading": "Meet our clusters", "clusters": list_items(*clusters)})]
    )
    home.save_revision().publish()


def cards(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select(".block-cards .card__title a")]


def test_chosen_clusters_in_the_visitors_language_and_the_editors_order(
    client, home, cluster_index, locales
):
    cewind = ClusterPageFactory(parent=cluster_index, title="CEwind", slug="cewind")
    alu = ClusterPageFactory(parent=cluster_index, title="AluCluster", slug="alucluster")
    draft = ClusterPageFactory(parent=cluster_index, title="Draft", slug="draft")
    draft.unpublish()
    private = ClusterPageFactory(parent=cluster_index, title="Members only", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    feature(home, [cewind.pk, draft.pk, private.pk, alu.pk])

    german_home = translate_page(home, locales["de"])
    german_cewind = translate_page(cewind, locales["de"])
    german_cewind.title = "CEwind (DE)"
    german_cewind.save_revision().publish()

    assert cards(client, home.url) == [
        ("CEwind", "/en/clusters/cewind/"),
        ("AluCluster", "/en/clusters/alucluster/"),
    ]
    # Translated where a translation is live, else the cluster as chosen.
    assert cards(client, german_home.url) == [
        ("CEwind (DE)", "/de/clusters/cewind/"),
        ("AluCluster", "/en/clusters/alucluster/"),
    ]


def test_queries_do_not_grow_with_the_clusters_featured(client, home, cluster_index):
    clusters = [ClusterPageFactory(parent=cluster_index) for _ in range(8)]

    def queries(featured):
        feature(home, [cluster.pk for cluster in featured])
        counts = []
        for _ in range(2):  # right after the change (cards rendered), then kept
            with CaptureQueriesContext(connection) as captured:
                assert len(cards(client, home.url)) == len(featured)
            counts.append(len(captured))
        content_changed()
        return counts

    queries(clusters[:1])  # a test's first page also fills Django's and Wagtail's own caches
    assert queries(clusters[:2]) == queries(clusters)

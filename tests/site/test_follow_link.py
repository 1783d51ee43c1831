"""Every page of the site links the follow form of its language in the footer."""

import pytest
from django.utils import translation

from tests.conftest import translate_page
from tests.factories import ClusterPageFactory

pytestmark = pytest.mark.django_db


def test_every_page_links_the_follow_form_in_its_footer(client, cluster_index, locales):
    cluster = ClusterPageFactory(parent=cluster_index, title="CEwind")
    german_index = translate_page(cluster_index, locales["de"])
    german_cluster = translate_page(cluster, locales["de"])

    body = client.get(cluster.url).content.decode()
    assert f'<p class="footer-follow"><a href="{cluster_index.url}follow/">' in body
    with translation.override("de"):
        body = client.get(german_cluster.url).content.decode()
    assert f'<p class="footer-follow"><a href="{german_index.url}follow/">' in body
    assert "Branchen per E-Mail folgen" in body

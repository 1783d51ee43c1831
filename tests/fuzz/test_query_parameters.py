"""Query parameters of every public listing, search and API endpoint under generated input:
whatever a visitor, a crawler or an attacker puts into the URL, the answer is never a
server error (a 400 with a message where the input is refused)."""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
)

from .conftest import EXAMPLES
from .strategies import hostile_text

pytestmark = pytest.mark.django_db

KNOWN = [
    "tag", "country", "q", "page", "kind", "past_page", "industry", "locale", "type",
    "fields", "limit", "offset", "order", "search", "search_operator", "upcoming", "child_of",
    "descendant_of", "id", "html_path", "content_type", "token", "site",
]  # fmt: skip
VALUES = st.one_of(
    hostile_text,
    st.sampled_from(["wind-energy", "DK", "de", "2", "-1", "0", "99999999999999999999", "*"]),
    st.sampled_from(["clusterdirectory.ClusterPage", "title,-title", "_", "id,title,*"]),
    st.integers(-(2**70), 2**70).map(str),
)
PARAMS = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN), hostile_text), VALUES), max_size=6)


@pytest.fixture
def public_urls(cluster_index, root_page, locales):
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    cluster = ClusterPageFactory(parent=cluster_index, title="CEwind", industries=[wind])
    events = EventIndexPageFactory(parent=root_page)
    event = EventPageFactory(parent=events, industries=[wind])
    studies = CaseStudyIndexPageFactory(parent=root_page)
    CaseStudyPageFactory(parent=studies)
    translate_page(cluster_index, locales["da"])
    return [
        cluster_index.url,
        cluster.url,
        events.url,
        event.url,
        studies.url,
        "/en/search/",
        "/da/search/",
        "/api/v2/pages/",
        "/api/v2/pages/find/",
        f"/api/v2/pages/{cluster.pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/industries/",
        "/sitemap.xml",
    ]


@given(params=PARAMS, which=st.integers(min_value=0))
def test_public_query_parameters_never_cause_a_server_error(params, which, public_urls):
    EXAMPLES["query parameters"] += 1
    url = public_urls[which % len(public_urls)]
    response = Client().get(url, params_list(params))
    assert response.status_code < 500, (url, params, response.status_code)
    if response.status_code == 400 and url.startswith("/api/"):
        assert response.json().get("message"), response.content


def params_list(pairs):
    query = {}
    for key, value in pairs:
        query.setdefault(key, []).append(value)
    return query

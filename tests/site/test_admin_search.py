"""Every listing and chooser of the admin answers its search box with 200 and its filters
without a server error, whatever an editor types: quotes, search-syntax characters, other
alphabets, very long text.
The full-text backends have a query syntax of their own (SQLite's FTS5, PostgreSQL's
tsquery); on SQLite, a search restricted to a field the index has no column for was a 500
("no such column: name") on the industry tag names that translators search."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from clusterdirectory.models import ClusterPage, ClusterRegistration, ContactRequest
from tests.factories import ClusterRegistrationFactory

HOSTILE = [
    "Hydro",
    '"',
    'Hydro"',
    "'",
    "wind AND (",
    "NEAR(a b)",
    "*",
    "-wind",
    "%_",
    "\\",
    "Sønderjylland Straße",
    "<script>alert(1)</script>",
    "😀",
    "x" * 300,
]

# Listings, reports and choosers: what has a search box or filters and no argument in its URL.
LISTING_NAME = re.compile(
    r"(:(index|list|choose|search|task_index|task_chooser)(_results)?"
    r"|_results|^wagtailadmin_choose_page(_search)?|^wagtailadmin_explore_root)$"
)


def admin_listing_names():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if not pattern.pattern.regex.groupindex and LISTING_NAME.search(name):
                    yield name

    names = []
    for name in walk(get_resolver().url_patterns):
        if reverse(name).startswith("/admin/") and name not in names:
            names.append(name)
    return sorted(names)


def test_the_walk_finds_the_projects_own_listings():
    names = admin_listing_names()
    for expected in (
        "wagtailadmin_pages:search_results",
        "wagtailadmin_choose_page_search",
        "wagtailsnippets_clusterdirectory_industrytagname:list_results",
        "wagtailsnippetchoosers_clusterdirectory_industrytag:choose_results",
        "wagtailsnippets_home_menu:list_results",
        "clusterdirectory_registrations:index_results",
        "clusterdirectory_contact_requests:index_results",
        "wagtailimages_chooser:choose_results",
        "wagtaildocs:index_results",
    ):
        assert expected in names


@pytest.mark.django_db
class TestAdminSearch:
    @pytest.fixture(autouse=True)
    def _content(self, shared_demo_site):
        ClusterRegistrationFactory(name='Hydro "Nord"', city="Sønderborg")
        ContactRequest.objects.create(
            cluster=ClusterPage.objects.first(),
            name="Anna",
            organisation="Hydro",
            email="anna@example.com",
            message="Hello",
        )
        assert ClusterRegistration.objects.exists()

    @pytest.mark.parametrize("name", admin_listing_names())
    def test_any_search_text_answers_200(self, admin_client, name):
        url = reverse(name)
        failures = []
        for text in HOSTILE:
            response = admin_client.get(url, {"q": text}, follow=True)
            if response.status_code != 200:
                failures.append((text[:20], response.status_code))
        assert failures == []

    @pytest.mark.parametrize("name", admin_listing_names())
    def test_filters_answer_and_odd_ones_are_no_server_error(self, admin_client, name):
        url = reverse(name)
        response = admin_client.get(url, {"q": "wind", "locale": "da"}, follow=True)
        assert response.status_code == 200
        failures = []
        # Hand-made URLs: Wagtail answers a page number past the end or an unknown language
        # with 404, as for any page that does not exist; never with an error of ours.
        for params in (
            {"locale": "xx"},
            {"ordering": "-no_such_field"},
            {"p": "abc"},
            {"p": "99999"},
            {"content_type": "no.such"},
            {"collection_id": "abc"},
            {"q": "wind", "locale": "da", "p": "2"},
        ):
            response = admin_client.get(url, params, follow=True)
            if response.status_code not in (200, 404):
                failures.append((params, response.status_code))
        assert failures == []

    def test_the_explorer_of_each_language_searches_too(self, admin_client):
        for home in Page.objects.filter(depth=2):
            url = reverse("wagtailadmin_explore", args=[home.pk])
            for text in HOSTILE:
                assert admin_client.get(url, {"q": text}).status_code == 200, text

    def test_industry_tag_names_are_found_by_any_part_of_the_name(self, admin_client):
        url = reverse("wagtailsnippets_clusterdirectory_industrytagname:list_results")
        response = admin_client.get(url, {"q": "energ"})
        assert response.status_code == 200
        names = [str(item) for item in response.context["object_list"]]
        assert names and all("energ" in name.lower() for name in names)

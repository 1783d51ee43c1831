"""The site search: language, liveness, labels, the industry filter, pagination and odd input."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from home.views import RESULTS_PER_PAGE, search_terms, shorten
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def wind(db):
    return IndustryTagFactory(name="Wind energy", slug="wind-energy")


@pytest.fixture
def site_pages(root_page, cluster_index, locales, wind):
    """One page of each type about offshore wind; only some of them tagged."""
    events = EventIndexPageFactory(parent=root_page)
    studies = CaseStudyIndexPageFactory(parent=root_page)
    return {
        "cluster": ClusterPageFactory(
            parent=cluster_index,
            title="Offshore Wind Cluster",
            description="<p>Turbines at sea.</p>",
            industries=[wind],
        ),
        "event": EventPageFactory(
            parent=events, title="Offshore workshop", summary="Meet the turbine makers."
        ),
        "news": NewsPageFactory(parent=events, title="Offshore news", summary="Untagged news."),
        "case_study": CaseStudyPageFactory(parent=studies, title="Offshore case study"),
        "index": events,
    }


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            item.select_one(".search-result__type").get_text(strip=True),
            item.select_one(".search-result__title").get_text(strip=True),
        )
        for item in soup.select(".search-result")
    ]


def titles(response):
    return sorted(title for _type, title in results(response))


def test_results_are_labelled_by_type(client, site_pages):
    site_pages["event"].industries.add(IndustryTagFactory(name="Maritime"))
    site_pages["event"].save_revision().publish()
    response = client.get("/en/search/", {"q": "offshore"})
    assert response.status_code == 200
    assert sorted(results(response)) == [
        ("Case study", "Offshore case study"),
        ("Cluster", "Offshore Wind Cluster"),
        ("Event", "Offshore workshop"),
        ("News", "Offshore news"),
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    event = next(item for item in soup.select(".search-result") if "workshop" in item.get_text())
    assert [tag.get_text() for tag in event.select(".tag")] == ["Maritime"]
    assert "Meet the turbine makers." in event.get_text()


def test_fields_beyond_the_title_are_searched(client, site_pages):
    # Found by its focus areas. (PostgreSQL's stemming also finds the workshop's "turbine".)
    assert titles(client.get("/en/search/", {"q": "turbines"}))[0] == "Offshore Wind Cluster"


def test_plain_pages_are_labelled_page(client, site_pages):
    assert results(client.get("/en/search/", {"q": "News and Events"})) == [
        ("Page", "News and Events")
    ]


def test_only_pages_in_the_current_language_are_found(client, site_pages, locales):
    danish = translate_page(site_pages["cluster"], locales["da"])
    danish.title = "Havvindklynge"
    danish.save_revision().publish()

    assert titles(client.get("/en/search/", {"q": "Havvindklynge"})) == []
    assert titles(client.get("/da/search/", {"q": "Havvindklynge"})) == ["Havvindklynge"]
    assert "Havvindklynge" not in titles(client.get("/de/search/", {"q": "Havvindklynge"}))
    # The English original is not found under /da/ either.
    assert titles(client.get("/da/search/", {"q": "offshore"})) == []


def test_drafts_and_private_pages_are_never_found(client, site_pages, cluster_index):
    draft = ClusterPageFactory(parent=cluster_index, title="Offshore draft", live=False)
    assert not draft.live
    private = ClusterPageFactory(parent=cluster_index, title="Offshore private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    site_pages["news"].unpublish()

    found = titles(client.get("/en/search/", {"q": "offshore"}))
    assert found == ["Offshore Wind Cluster", "Offshore case study", "Offshore workshop"]


def test_industry_filter_drops_pages_without_the_tag(client, site_pages, wind):
    site_pages["case_study"].industries.add(wind)
    site_pages["case_study"].save_revision().publish()

    response = client.get("/en/search/", {"q": "offshore", "tag": "wind-energy"})
    assert sorted(results(response)) == [
        ("Case study", "Offshore case study"),
        ("Cluster", "Offshore Wind Cluster"),
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one('.search__tags input[value="wind-energy"]')
    assert box.has_attr("checked")
    assert box.parent.get_text(strip=True) == "Wind energy"


def test_industry_alone_lists_its_pages(client, site_pages):
    assert titles(client.get("/en/search/", {"tag": "wind-energy"})) == ["Offshore Wind Cluster"]


def test_every_selected_industry_is_required(client, site_pages, wind):
    maritime = IndustryTagFactory(name="Maritime")
    cluster = site_pages["cluster"]
    cluster.industries.add(maritime)
    cluster.save_revision().publish()
    site_pages["event"].industries.add(wind)
    site_pages["event"].save_revision().publish()

    response = client.get("/en/search/", {"q": "offshore", "tag": ["wind-energy", "maritime"]})
    assert titles(response) == ["Offshore Wind Cluster"]


def test_industry_names_follow_the_language(client, site_pages, wind, locales):
    from clusterdirectory.models import IndustryTagName

    IndustryTagName.objects.create(tag=wind, locale=locales["de"], name="Windenergie")
    translate_page(site_pages["cluster"], locales["de"])
    soup = BeautifulSoup(client.get("/de/search/").content, "html.parser")
    labels = [label.get_text(strip=True) for label in soup.select(".search__tags label")]
    assert labels == ["Windenergie"]


def test_unknown_industry_is_answered_with_a_message(client, site_pages):
    response = client.get("/en/search/", {"q": "offshore", "tag": "no-such-industry"})
    assert response.status_code == 200
    assert results(response) == []
    assert "There is no industry called" in response.content.decode()


def test_empty_query_shows_a_prompt(client, site_pages):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "!?*"}):
        response = client.get("/en/search/", params)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one(".search__prompt")
        assert not soup.select(".search-result")


def test_nothing_found_says_so(client, site_pages):
    soup = BeautifulSoup(client.get("/en/search/", {"q": "zeppelin"}).content, "html.parser")
    assert soup.select_one(".no-results")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "offshore " * 2000},
        {"q": "off\x00shore"},
        {"q": "\x00"},
        {"q": '"offshore'},
        {"q": 'NEAR(offshore "wind")'},
        {"q": "offshore*"},
        {"q": "' OR 1=1 --"},
        {"q": "{title body}: offshore"},
        {"q": "æøå ü ß 🌬️ ويند 風力"},
        {"q": "\u202eoffshore\u200b"},
        {"q": "%_\\"},
        {"q": ["offshore", "wind"]},
        {"tag": "\x00"},
        {"tag": "x" * 5000},
        {"tag": ["wind-energy"] * 500},
        {"q": "offshore", "page": "abc"},
        {"q": "offshore", "page": "-1"},
        {"q": "offshore", "page": "99999999999999999999"},
    ],
)
def test_odd_input_never_fails(client, site_pages, params):
    response = client.get("/en/search/", params)
    assert response.status_code in (200, 400)


def test_long_query_is_cut_not_refused(client, site_pages):
    response = client.get("/en/search/", {"q": "offshore turbines " * 1000})
    assert response.status_code == 200
    assert titles(response)
    field = BeautifulSoup(response.content, "html.parser").select_one("#id_search_q")
    assert field["value"] == ("offshore turbines " * 11).rstrip()


@pytest.mark.parametrize(
    "text, cut",
    [
        ("wind " * 50, ("wind " * 40).rstrip()),
        ("windy " * 50, ("windy " * 33).rstrip()),
        ("x" * 500, "x" * 200),
    ],
)
def test_long_text_is_cut_between_words(text, cut):
    assert shorten(text) == cut


def test_search_syntax_is_reduced_to_words():
    assert search_terms('NEAR("wind" *turbine) -x:y') == "NEAR wind turbine x y"


def test_results_are_paginated(client, cluster_index):
    for n in range(RESULTS_PER_PAGE + 2):
        ClusterPageFactory(parent=cluster_index, title=f"Offshore {n}")

    first = client.get("/en/search/", {"q": "offshore"})
    second = client.get("/en/search/", {"q": "offshore", "page": 2})
    assert len(results(first)) == RESULTS_PER_PAGE
    assert len(results(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    assert f"{RESULTS_PER_PAGE + 2} results" in first.content.decode()
    pagination = BeautifulSoup(first.content, "html.parser").select_one("nav.pagination")
    assert pagination.select_one('a[rel="next"]')["href"] == "?q=offshore&page=2"
    # Beyond the last page: the last page rather than an error.
    assert titles(client.get("/en/search/", {"q": "offshore", "page": 99})) == titles(second)


def test_query_count_does_not_grow_with_the_results(
    client, site_pages, cluster_index, wind, monkeypatch, settings
):
    monkeypatch.setattr("home.views.RESULTS_PER_PAGE", 20)  # every result on one page
    settings.PAGE_CACHE_ENABLED = False  # the view's own queries, not a cached answer's

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", {"q": "offshore"})
        assert response.status_code == 200
        return len(results(response)), len(queries)

    client.get("/en/search/", {"q": "offshore"})  # caches filled once per process
    few, few_queries = count_queries()
    index = site_pages["index"]
    studies = site_pages["case_study"].get_parent()
    for n in range(3):
        ClusterPageFactory(parent=cluster_index, title=f"Offshore cluster {n}", industries=[wind])
        EventPageFactory(parent=index, title=f"Offshore event {n}", industries=[wind])
        NewsPageFactory(parent=index, title=f"Offshore news {n}")
        CaseStudyPageFactory(parent=studies, title=f"Offshore study {n}")
    client.get("/en/search/", {"q": "offshore"})  # the menu, purged by the new pages, again
    many, many_queries = count_queries()
    assert (few, many) == (4, 16)
    assert many_queries == few_queries


def test_result_page_is_not_indexed_and_switches_language_with_the_query(client, site_pages):
    soup = BeautifulSoup(client.get("/en/search/?q=offshore").content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert switcher == {
        "en": "/en/search/?q=offshore",
        "da": "/da/search/?q=offshore",
        "de": "/de/search/?q=offshore",
    }
    assert not soup.find("link", rel="alternate", hreflang=True)


def test_every_page_has_a_search_box_in_its_language(client, site_pages, locales):
    danish = translate_page(site_pages["cluster"], locales["da"])
    soup = BeautifulSoup(client.get(danish.url).content, "html.parser")
    form = soup.select_one("header form.site-search")
    assert form["action"] == "/da/search/"
    assert form["method"] == "get"
    assert form.select_one('input[name="q"]')
    assert client.get("/da/search/", {"q": danish.title}).status_code == 200


def test_search_box_sends_visitors_to_results(client, site_pages):
    """The header's form is plain GET: its action and field name make the result URL."""
    page = client.get(site_pages["news"].url)
    form = BeautifulSoup(page.content, "html.parser").select_one("form.site-search")
    name = form.select_one("input[type=search]")["name"]
    assert titles(client.get(form["action"], {name: "turbines"}))[0] == "Offshore Wind Cluster"


def test_search_page_is_not_a_wagtail_page(client, root_page):
    """Wagtail's pages match any path; the search is routed before them."""
    assert not Page.objects.filter(slug="search").exists()
    assert client.get("/en/search/").status_code == 200


def test_search_only_answers_get(client, root_page):
    assert client.post("/en/search/", {"q": "offshore"}).status_code == 405


def test_a_result_quotes_the_passage_with_the_words_marked(client, root_page, locales):
    text = (
        "<p>The project brought clusters together.</p><p>Here you can read how the offshore "
        "wind clusters of Esbjerg & Kiel found each other at the second workshop, and what "
        "they plan for <b>2013</b>.</p>"
    )
    page = root_page.add_child(
        instance=StandardPage(title="Stories", slug="stories", body=[("paragraph", text)])
    )
    page.save_revision().publish()

    response = client.get("/en/search/", {"q": "kiel"})

    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".search-result__summary")
    assert [mark.text for mark in summary.select("mark")] == ["Kiel"]
    # From shortly before the word, paragraphs apart, nothing of the markup but the mark.
    assert summary.get_text() == (
        "… Here you can read how the offshore wind clusters of Esbjerg & Kiel found each "
        "other at the second workshop, and what they plan for 2013."
    )
    assert "&amp; <mark>Kiel</mark>" in str(summary)


def test_a_result_found_by_its_title_shows_its_summary(client, site_pages):
    response = client.get("/en/search/", {"q": "workshop"})
    soup = BeautifulSoup(response.content, "html.parser")
    summaries = [s.get_text() for s in soup.select(".search-result__summary")]
    assert "Meet the turbine makers." in summaries

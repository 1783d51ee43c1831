"""Case studies: numbered recommendations, related case studies by shared industries, and the
index filtered by industry."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from clusterdirectory.models import CaseStudyPage, CaseStudyRelatedCluster, IndustryTagName
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    make_tags,
)

START = timezone.make_aware(datetime.datetime(2012, 1, 1, 12))


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Offshore", "Logistics", "Food")


@pytest.fixture
def index(root_page, locales):
    return CaseStudyIndexPageFactory(parent=root_page)


def study(index, title, tags=(), days=0, **fields):
    """A published case study with ``tags``, first published ``days`` after START."""
    page = CaseStudyPageFactory(parent=index, title=title, **fields)
    if tags:
        page.industries.add(*tags)
        page.save_revision().publish()
    CaseStudyPage.objects.filter(pk=page.pk).update(
        first_published_at=START + datetime.timedelta(days=days)
    )
    page.refresh_from_db()
    return page


def titles(pages):
    return [page.title for page in pages]


# -- The case study page ----------------------------------------------------------------------


def test_recommendations_are_a_numbered_list_with_their_keywords(client, index):
    page = study(
        index,
        "Cross-border clusters",
        recommendations=[
            {
                "type": "recommendation",
                "value": {
                    "statement": "Identify challenges and opportunities for the clusters.",
                    "keyword": "opportunities",
                },
            },
            {
                "type": "recommendation",
                "value": {
                    "statement": "Initiate a labour mobility programme.",
                    "keyword": "labour mobility",
                },
            },
        ],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    items = soup.select("ol.recommendations > li")
    assert [item.get_text(" ", strip=True) for item in items] == [
        "Identify challenges and opportunities for the clusters.",
        "Initiate a labour mobility programme.",
    ]
    assert [item.strong.get_text() for item in items] == ["opportunities", "labour mobility"]


def test_page_shows_related_clusters_and_regions(client, root_page, index):
    cluster = ClusterPageFactory(parent=ClusterIndexPageFactory(parent=root_page), title="CEwind")
    page = study(
        index,
        "Cross-border clusters",
        regions=[{"type": "region", "value": "Schleswig-Holstein"}],
    )
    CaseStudyRelatedCluster.objects.create(page=page, cluster=cluster)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.find("a", href=cluster.url).get_text() == "CEwind"
    assert "Schleswig-Holstein" in soup.get_text()


@pytest.fixture
def ranked(index, tags):
    """A case study on wind, offshore and logistics, and others sharing some of its tags."""
    wind, offshore, logistics, food = (
        tags[s] for s in ("wind-energy", "offshore", "logistics", "food")
    )
    return {
        "self": study(index, "Offshore wind logistics", [wind, offshore, logistics], days=50),
        "two_old": study(index, "Two shared, older", [wind, offshore, food], days=1),
        "two_new": study(index, "Two shared, newer", [wind, logistics], days=2),
        "one_newest": study(index, "One shared, newest", [logistics], days=30),
        "one_old": study(index, "One shared, oldest", [offshore], days=0),
        "none": study(index, "Nothing shared", [food], days=40),
    }


def test_related_case_studies_rank_by_shared_tags_then_newest(ranked):
    assert titles(ranked["self"].related_case_studies()) == [
        "Two shared, newer",
        "Two shared, older",
        "One shared, newest",
    ]


def test_related_case_studies_are_live_public_and_exclude_the_page(ranked, index, tags):
    ranked["two_new"].unpublish()
    restricted = ranked["two_old"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    related = titles(ranked["self"].related_case_studies())
    assert related == ["One shared, newest", "One shared, oldest"]
    assert "Offshore wind logistics" not in related


def test_a_case_study_without_industries_has_no_related_ones(index, ranked):
    assert study(index, "Untagged").related_case_studies() == []


def test_related_case_studies_are_in_the_pages_language(ranked, locales):
    german_self = translate_page(ranked["self"], locales["de"])
    german_one = translate_page(ranked["one_newest"], locales["de"])
    related = german_self.related_case_studies()
    assert [page.pk for page in related] == [german_one.pk]
    assert all(page.locale_id == locales["de"].pk for page in related)


def test_page_links_related_case_studies(client, ranked):
    soup = BeautifulSoup(client.get(ranked["self"].url).content, "html.parser")
    section = soup.select_one(".related-case-studies")
    assert section.h2.get_text() == "Related case studies"
    assert [a.get_text() for a in section.select(".card__title a")] == [
        "Two shared, newer",
        "Two shared, older",
        "One shared, newest",
    ]
    assert soup.select_one(".related-case-studies a")["href"] == ranked["two_new"].url


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_case_study_page_queries_do_not_grow_with_related_ones(client, index, tags):
    wind, food = tags["wind-energy"], tags["food"]
    page = study(index, "Wind and food", [wind, food])
    study(index, "Only other", [wind])
    assert len(page.related_case_studies()) == 1
    one_related = _queries(client, page.url)
    for n in range(20):
        study(index, f"Other {n}", [wind, food], days=n)
    assert len(page.related_case_studies()) == 3
    assert _queries(client, page.url) == one_related


# -- The index --------------------------------------------------------------------------------


@pytest.fixture
def listed(index, tags):
    wind, offshore, food = tags["wind-energy"], tags["offshore"], tags["food"]
    return [
        study(index, "Offshore wind", [wind, offshore], days=3),
        study(index, "Onshore wind", [wind], days=2),
        study(index, "Food chains", [food], days=1),
    ]


def get(client, index_page, **params):
    response = client.get(index_page.url, params)
    assert response.status_code == 200
    return response


def test_index_lists_live_case_studies_newest_first(client, index, listed):
    listed[1].unpublish()
    response = get(client, index)
    assert titles(response.context["case_studies"]) == ["Offshore wind", "Food chains"]


def test_index_filters_by_one_or_more_tags(client, index, listed):
    assert titles(get(client, index, tag="wind-energy").context["case_studies"]) == [
        "Offshore wind",
        "Onshore wind",
    ]
    response = get(client, index, tag=["wind-energy", "offshore"], match="all")
    assert titles(response.context["case_studies"]) == ["Offshore wind"]
    assert 'value="offshore" checked' in response.content.decode()
    response = get(client, index, tag=["offshore", "food"])
    assert titles(response.context["case_studies"]) == ["Offshore wind", "Food chains"]


def test_index_facets_count_what_each_choice_would_give(client, index, listed):
    response = get(client, index, tag="wind-energy", match="all")
    counts = {facet["slug"]: facet["count"] for facet in response.context["tag_facets"]}
    # Logistics is used by no case study here, so it is no choice.
    assert counts == {"wind-energy": 2, "offshore": 1, "food": 0}
    response = get(client, index, tag="wind-energy")
    counts = {facet["slug"]: facet["count"] for facet in response.context["tag_facets"]}
    assert counts == {"wind-energy": 2, "offshore": 1, "food": 1}


def test_no_case_studies_offer_to_remove_each_chosen_industry(client, index, listed):
    response = get(client, index, tag=["offshore", "food"], match="all")
    links = {link["label"]: link["count"] for link in response.context["removal_links"]}
    assert links == {"Offshore": 1, "Food": 1}


def test_unknown_tag_says_so_and_matches_nothing(client, index, listed):
    response = get(client, index, tag="no-such-industry")
    html = response.content.decode()
    assert "There is no industry called “no-such-industry”." in html
    assert "No case studies match these filters." in html
    assert list(response.context["case_studies"]) == []
    assert {facet["slug"] for facet in response.context["tag_facets"]} == {
        "wind-energy",
        "offshore",
        "food",
    }


def test_index_pagination_keeps_the_filter(client, index, tags, settings):
    settings.CLUSTERDIRECTORY = {"CASE_STUDIES_PER_PAGE": 2}
    for n in range(5):
        study(index, f"Wind {n}", [tags["wind-energy"]], days=10 - n)
    study(index, "Food", [tags["food"]], days=20)
    response = get(client, index, tag="wind-energy")
    assert response.context["case_studies"].paginator.num_pages == 3
    assert "?tag=wind-energy&amp;page=2" in response.content.decode()
    second = get(client, index, tag="wind-energy", page="2")
    assert titles(second.context["case_studies"]) == ["Wind 2", "Wind 3"]
    assert get(client, index, tag="wind-energy", page="abc").context["case_studies"].number == 1


def test_index_reads_tag_names_in_the_visitors_language(client, index, listed, tags, locales):
    source = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    german = source.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    index_de = translate_page(index, locales["de"])
    translate_page(listed[0], locales["de"])
    with translation.override("de"):
        response = client.get(index_de.url, {"tag": "wind-energy"})
    assert "Windenergie" in response.content.decode()
    assert titles(response.context["case_studies"]) == ["Offshore wind"]


def test_index_queries_do_not_grow_with_the_number_of_case_studies(client, root_page, tags):
    few = CaseStudyIndexPageFactory(parent=root_page, slug="few")
    many = CaseStudyIndexPageFactory(parent=root_page, slug="many")
    for n in range(2):
        study(few, f"Few {n}", [tags["wind-energy"], tags["food"]])
    for n in range(30):
        study(many, f"Many {n}", [tags["wind-energy"], tags["food"]])
    for query in ("", "?tag=wind-energy", "?tag=wind-energy&tag=food&match=all"):
        assert _queries(client, few.url + query) == _queries(client, many.url + query)

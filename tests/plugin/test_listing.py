"""Visitors filtering the cluster directory: tags, country, text, pagination, bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from clusterdirectory.cache import content_changed
from clusterdirectory.listing import filter_clusters
from clusterdirectory.models import IndustryTagName
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, create_clusters, make_tags


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food", "Logistics")


@pytest.fixture
def clusters(cluster_index, tags):
    wind, food, logistics = tags["wind-energy"], tags["food"], tags["logistics"]
    return {
        "cewind": ClusterPageFactory(
            parent=cluster_index,
            title="CEwind",
            country="DE",
            city="Flensburg",
            industries=[wind],
        ),
        "offshore": ClusterPageFactory(
            parent=cluster_index,
            title="Offshore Center Denmark",
            country="DK",
            city="Esbjerg",
            industries=[wind, logistics],
        ),
        "food": ClusterPageFactory(
            parent=cluster_index,
            title="Food Cluster of Southern Denmark",
            country="DK",
            focus_areas="Dairy and meat processing",
            industries=[food],
        ),
        "logi": ClusterPageFactory(
            parent=cluster_index,
            title="LogI-SH",
            country="DE",
            industries=[logistics, food],
        ),
    }


def titles(response):
    return sorted(cluster.title for cluster in response.context["clusters"])


def get(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return response


def test_no_filter_lists_every_live_cluster_alphabetically(client, cluster_index, clusters):
    draft = ClusterPageFactory(parent=cluster_index, title="Draft cluster")
    draft.unpublish()
    response = get(client, cluster_index)
    assert [c.title for c in response.context["clusters"]] == sorted(
        c.title for c in clusters.values()
    )
    assert "Draft cluster" not in response.content.decode()


def test_filter_by_one_tag(client, cluster_index, clusters):
    response = get(client, cluster_index, tag="wind-energy")
    assert titles(response) == ["CEwind", "Offshore Center Denmark"]


def test_several_tags_give_clusters_having_any_of_them(client, cluster_index, clusters):
    response = get(client, cluster_index, tag=["wind-energy", "food"])
    assert titles(response) == [
        "CEwind",
        "Food Cluster of Southern Denmark",
        "LogI-SH",
        "Offshore Center Denmark",
    ]
    response = get(client, cluster_index, tag=["logistics", "food"], country="DE")
    assert titles(response) == ["LogI-SH"]


def test_match_all_gives_clusters_having_every_tag(client, cluster_index, clusters):
    response = get(client, cluster_index, tag=["logistics", "food"], match="all")
    assert titles(response) == ["LogI-SH"]
    assert 'name="match" value="all" checked' in response.content.decode()
    # Language neutral and case-insensitive, like the other values.
    assert titles(get(client, cluster_index, tag=["logistics", "food"], match="ALL")) == ["LogI-SH"]


def test_filter_by_country_case_insensitive(client, cluster_index, clusters):
    assert titles(get(client, cluster_index, country="de")) == ["CEwind", "LogI-SH"]


def test_filter_by_text_searches_name_place_profile_and_tag_names(client, cluster_index, clusters):
    assert titles(get(client, cluster_index, q="flensburg")) == ["CEwind"]
    assert titles(get(client, cluster_index, q="dairy")) == ["Food Cluster of Southern Denmark"]
    assert titles(get(client, cluster_index, q="wind")) == ["CEwind", "Offshore Center Denmark"]
    assert titles(get(client, cluster_index, q="wind esbjerg")) == ["Offshore Center Denmark"]


def test_filters_combine(client, cluster_index, clusters):
    response = get(client, cluster_index, tag="wind-energy", country="DK", q="offshore")
    assert titles(response) == ["Offshore Center Denmark"]
    assert titles(get(client, cluster_index, tag="food", country="DK", q="logi")) == []
    # A word in a tag's name or in a field, each word somewhere.
    assert titles(get(client, cluster_index, tag="logistics", q="food")) == ["LogI-SH"]
    assert titles(get(client, cluster_index, q="energy esbjerg")) == ["Offshore Center Denmark"]
    assert titles(get(client, cluster_index, q="logistics processing")) == []
    response = get(client, cluster_index, q="food")
    assert titles(response) == ["Food Cluster of Southern Denmark", "LogI-SH"]
    countries = {f["code"]: f["count"] for f in response.context["country_facets"]}
    assert countries == {"DK": 1, "DE": 1}


def test_facets_count_what_each_choice_would_give(client, cluster_index, clusters):
    response = get(client, cluster_index, tag="wind-energy")
    # Industries widen: each count is what that industry gives, under the other facets.
    tag_counts = {f["slug"]: f["count"] for f in response.context["tag_facets"]}
    assert tag_counts == {"wind-energy": 2, "logistics": 2, "food": 2}
    countries = {f["code"]: f["count"] for f in response.context["country_facets"]}
    assert countries == {"DK": 1, "DE": 1}
    html = response.content.decode()
    assert 'value="wind-energy" checked' in html


def test_with_match_all_tag_counts_are_what_adding_the_tag_leaves(client, cluster_index, clusters):
    response = get(client, cluster_index, tag="wind-energy", match="all")
    tag_counts = {f["slug"]: f["count"] for f in response.context["tag_facets"]}
    assert tag_counts == {"wind-energy": 2, "logistics": 1, "food": 0}


@pytest.mark.parametrize(
    "params",
    [{}, {"country": "DK"}, {"q": "denmark"}, {"tag": "food"}, {"tag": "food", "match": "all"}],
)
def test_each_count_predicts_its_result(client, cluster_index, clusters, params):
    def count(**asked):
        response = get(client, cluster_index, **{**params, **asked})
        return int(re.search(r'class="result-count">\s*(\d+)', response.content.decode())[1])

    response = get(client, cluster_index, **params)
    for facet in response.context["tag_facets"]:
        if facet["selected"]:
            continue
        if params.get("match") == "all":  # adding the tag narrows
            assert count(tag=[params["tag"], facet["slug"]]) == facet["count"], facet
        else:  # the tag alone, under the other facets
            assert count(tag=facet["slug"]) == facet["count"], facet
    for facet in response.context["country_facets"]:
        assert count(country=facet["code"]) == facet["count"], facet


def test_no_results_offer_to_remove_each_choice(client, cluster_index, clusters):
    response = get(client, cluster_index, tag=["wind-energy", "food"], match="all", q="esbjerg")
    assert titles(response) == []
    links = {link["label"]: link for link in response.context["removal_links"]}
    assert {label: link["count"] for label, link in links.items()} == {
        "Wind energy": 0,
        "Food": 1,  # Offshore Center Denmark, in Esbjerg
        "esbjerg": 0,
    }
    response = get(client, cluster_index, tag="food", country="DK", q="logi")
    links = {link["label"]: link for link in response.context["removal_links"]}
    assert {label: link["count"] for label, link in links.items()} == {
        "Food": 1,
        "Denmark": 1,
        "logi": 1,
    }
    assert links["logi"]["url"] == "?tag=food&country=DK"
    assert links["Denmark"]["url"] == "?tag=food&q=logi"
    html = response.content.decode()
    assert "No clusters match these filters." in html
    assert 'href="?tag=food&amp;country=DK"' in html
    widened = client.get(cluster_index.url + links["logi"]["url"])
    assert titles(widened) == ["Food Cluster of Southern Denmark"]


@pytest.mark.parametrize(
    "query",
    [
        "?" + "&".join(f"tag=t{n}" for n in range(50)),
        "?" + "&".join("tag=food" for _ in range(50)),
        "?tag=food&tag=wind-energy&tag=logistics&match=all&country=DE&country=DK&q=%00%27%22",
        "?match=some&tag=food",
        "?country=%F0%9F%98%80&page=%27",
    ],
)
def test_any_combination_answers_200(client, cluster_index, clusters, query):
    response = client.get(cluster_index.url + query)
    assert response.status_code == 200


def test_country_facets_ignore_the_chosen_country(client, cluster_index, clusters):
    response = get(client, cluster_index, country="DE")
    countries = {f["code"]: f["count"] for f in response.context["country_facets"]}
    assert countries == {"DK": 2, "DE": 2}
    tag_counts = {f["slug"]: f["count"] for f in response.context["tag_facets"]}
    assert tag_counts == {"wind-energy": 1, "logistics": 1, "food": 1}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"tag": "no-such-industry"}, "There is no industry called “no-such-industry”."),
        ({"country": "SE"}, "There is no country called “SE”."),
        ({"q": "x" * 201}, "at most 200 characters"),
    ],
)
def test_unknown_values_say_so_and_match_nothing(client, cluster_index, clusters, params, message):
    response = get(client, cluster_index, **params)
    html = response.content.decode()
    assert message in html
    assert "No clusters match these filters." in html
    assert list(response.context["clusters"]) == []


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999", ""])
def test_bad_page_numbers_never_fail(client, cluster_index, clusters, page):
    response = get(client, cluster_index, page=page)
    # Not a number: the first page; out of range: the last (here both are page 1 of 1).
    assert response.context["clusters"].number == 1
    assert len(response.context["clusters"]) == len(clusters)


def test_pagination_keeps_the_filters(client, cluster_index, tags, settings):
    settings.CLUSTERDIRECTORY = {"CLUSTERS_PER_PAGE": 2}
    for n in range(5):
        ClusterPageFactory(parent=cluster_index, title=f"Wind {n}", industries=[tags["food"]])
    response = get(client, cluster_index, tag="food", country="DK")
    assert response.context["clusters"].paginator.num_pages == 3
    html = response.content.decode()
    assert "?tag=food&amp;country=DK&amp;page=2" in html
    second = get(client, cluster_index, tag="food", country="DK", page="2")
    assert [c.title for c in second.context["clusters"]] == ["Wind 2", "Wind 3"]


def test_filter_clusters_is_usable_on_its_own(cluster_index, clusters):
    result = filter_clusters(cluster_index.clusters(), tags=["wind-energy"], country="DE")
    assert [c.title for c in result] == ["CEwind"]


def test_tag_names_read_in_the_visitors_language(client, cluster_index, clusters, tags, locales):
    wind_en = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    for code, name in (("da", "Vindenergi"), ("de", "Windenergie")):
        translated = wind_en.copy_for_translation(locales[code])
        translated.name = name
        translated.save()
    cewind_de = translate_page(clusters["cewind"], locales["de"])
    index_da = translate_page(cluster_index, locales["da"])
    translate_page(clusters["offshore"], locales["da"])

    with translation.override("da"):
        response = client.get(index_da.url, {"tag": "wind-energy"})
    assert response.status_code == 200
    assert "Vindenergi" in response.content.decode()
    assert [c.title for c in response.context["clusters"]] == ["Offshore Center Denmark"]
    with translation.override("da"):
        response = client.get(index_da.url, {"q": "vindenergi"})
    assert [c.title for c in response.context["clusters"]] == ["Offshore Center Denmark"]

    with translation.override("de"):
        response = client.get(cewind_de.url)
    assert "Windenergie" in response.content.decode()
    # A tag without a name in the language falls back to its own name.
    assert IndustryTagName.objects.filter(tag=tags["food"], locale=locales["de"]).count() == 0


def test_new_tag_gets_a_source_name_to_translate(tags, locales):
    assert IndustryTagName.objects.get(tag=tags["food"], locale=locales["en"]).name == "Food"


def _queries(client, url, cold=False):
    client.get(url)  # warm per-process caches (site root paths, content types)
    if cold:  # as after a content change: the directory's counts and cards computed again
        content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("cold", [False, True], ids=["kept", "after a change"])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?tag=wind-energy&country=DK&q=cluster",
        "?tag=wind-energy&tag=food&country=DE",
        "?tag=wind-energy&tag=food&match=all&q=cluster",
        "?tag=wind-energy&q=no-such-word",  # no results: links to remove each choice
    ],
)
def test_query_count_does_not_grow_with_the_number_of_clusters(
    client, root_page, locales, tags, query, cold
):
    from tests.factories import ClusterIndexPageFactory

    small = ClusterIndexPageFactory(parent=root_page, slug="small")
    large = ClusterIndexPageFactory(parent=root_page, slug="large")
    create_clusters(small, 5, [tags["wind-energy"], tags["food"]])
    create_clusters(large, 200, [tags["wind-energy"], tags["food"]])
    small_count = _queries(client, small.url + query, cold)
    large_count = _queries(client, large.url + query, cold)
    assert small_count == large_count
    # After a change, the site's header is rendered anew too: its menu, its funding logos.
    assert large_count <= 26, large_count

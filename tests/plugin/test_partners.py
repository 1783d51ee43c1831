"""Potential partners across the border: ranking, hand-picked partners, languages, the page."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from clusterdirectory.cache import content_changed
from clusterdirectory.models import ClusterPartner, IndustryTagName
from clusterdirectory.partners import focus_terms, potential_partners
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    create_clusters,
    make_tags,
)


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Offshore", "Logistics", "Food")


@pytest.fixture
def offshore(cluster_index, tags):
    """The Danish cluster whose partners the tests look for."""
    return ClusterPageFactory(
        parent=cluster_index,
        title="Offshore Center Denmark",
        country="DK",
        city="Esbjerg",
        focus_areas="Offshore wind, port logistics;\nservice vessels",
        industries=[tags["wind-energy"], tags["offshore"], tags["logistics"]],
    )


def cluster(index, title, country="DE", industries=(), **fields):
    return ClusterPageFactory(
        parent=index, title=title, country=country, industries=list(industries), **fields
    )


def pick(page, *partners):
    page.partner_links = [ClusterPartner(partner=partner) for partner in partners]
    page.save_revision().publish()


def titles(partners):
    return [partner.page.title for partner in partners]


def test_focus_areas_are_split_on_commas_semicolons_and_new_lines():
    text = "Offshore wind, port logistics;\nService vessels.\r\nIT, , offshore WIND"
    assert focus_terms(text) == ["Offshore wind", "port logistics", "Service vessels"]
    assert len(focus_terms(",".join(f"area {n}" for n in range(50)))) == 20
    assert focus_terms("") == []


def test_ranked_by_shared_tags_then_focus_areas_then_title(cluster_index, tags, offshore):
    wind, food = tags["wind-energy"], tags["food"]
    cluster(cluster_index, "Zeta one tag", industries=[wind])
    cluster(cluster_index, "Delta one tag", industries=[tags["logistics"]])
    cluster(cluster_index, "Omega two tags", industries=[wind, tags["offshore"], food])
    cluster(
        cluster_index,
        "Port one tag two areas",
        industries=[wind],
        focus_areas="Port logistics and service vessels",
    )
    cluster(cluster_index, "Focus only", industries=[food], focus_areas="OFFSHORE WIND parks")
    cluster(cluster_index, "No overlap", industries=[food], focus_areas="Dairy")
    cluster(cluster_index, "Same country", country="DK", industries=[wind, tags["offshore"]])

    partners = potential_partners(offshore)
    assert titles(partners) == [
        "Omega two tags",
        "Port one tag two areas",
        "Delta one tag",
        "Zeta one tag",
        "Focus only",
    ]
    assert not any(partner.hand_picked for partner in partners)
    assert partners[0].shared_tags == [("offshore", "Offshore"), ("wind-energy", "Wind energy")]
    assert partners[-1].shared_tags == []


def test_only_live_public_clusters_are_suggested(cluster_index, tags, offshore):
    wind = tags["wind-energy"]
    cluster(cluster_index, "Live", industries=[wind])
    cluster(cluster_index, "Draft", industries=[wind]).unpublish()
    private = cluster(cluster_index, "Private", industries=[wind])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(potential_partners(offshore)) == ["Live"]


def test_suggestions_are_limited_by_the_setting(cluster_index, tags, offshore, settings):
    for n in range(8):
        cluster(cluster_index, f"Wind {n}", industries=[tags["wind-energy"]])
    assert titles(potential_partners(offshore)) == [f"Wind {n}" for n in range(6)]
    settings.CLUSTERDIRECTORY = {"PARTNER_SUGGESTIONS": 2}
    assert titles(potential_partners(offshore)) == ["Wind 0", "Wind 1"]


def test_a_cluster_without_tags_or_focus_areas_gets_no_suggestions(cluster_index, tags):
    lonely = cluster(cluster_index, "Lonely", country="DK")
    cluster(cluster_index, "Anyone", industries=[tags["wind-energy"]], focus_areas="Wind")
    assert potential_partners(lonely) == []


def test_hand_picked_partners_come_first_in_their_order_and_once(cluster_index, tags, offshore):
    wind = tags["wind-energy"]
    suggested = cluster(cluster_index, "A suggested", industries=[wind])
    neighbour = cluster(cluster_index, "Danish neighbour", country="DK", industries=[wind])
    also = cluster(cluster_index, "B also suggested", industries=[wind])
    pick(offshore, neighbour, also)

    partners = potential_partners(offshore)
    assert [(p.page.pk, p.hand_picked) for p in partners] == [
        (neighbour.pk, True),
        (also.pk, True),
        (suggested.pk, False),
    ]
    assert partners[0].shared_tags == [("wind-energy", "Wind energy")]


def test_unpublished_hand_picked_partners_are_skipped(cluster_index, tags, offshore):
    gone = cluster(cluster_index, "Gone", industries=[tags["food"]])
    kept = cluster(cluster_index, "Kept", industries=[tags["food"]])
    pick(offshore, gone, kept)
    gone.unpublish()
    partners = potential_partners(offshore)
    assert [(p.page.title, p.hand_picked) for p in partners] == [("Kept", True)]
    assert partners[0].shared_tags == []


def test_shared_tags_are_named_in_the_pages_language(cluster_index, tags, offshore, locales):
    english = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    danish = english.copy_for_translation(locales["da"])
    danish.name = "Vindenergi"
    danish.save()
    partner = cluster(cluster_index, "CEwind", industries=[tags["wind-energy"], tags["offshore"]])
    offshore_da = translate_page(offshore, locales["da"])
    translate_page(partner, locales["da"])

    [suggestion] = potential_partners(offshore_da)
    # Offshore has no Danish name: it falls back to the tag's own.
    assert suggestion.shared_tags == [("offshore", "Offshore"), ("wind-energy", "Vindenergi")]
    [suggestion] = potential_partners(offshore)
    assert suggestion.shared_tags == [("offshore", "Offshore"), ("wind-energy", "Wind energy")]


def test_a_german_page_links_the_german_translations(cluster_index, tags, offshore, locales):
    wind = tags["wind-energy"]
    chosen = cluster(cluster_index, "Chosen", country="DK", industries=[tags["food"]])
    suggested = cluster(cluster_index, "Suggested", industries=[wind])
    only_english = cluster(cluster_index, "Only in English", industries=[wind])
    untranslated_pick = cluster(cluster_index, "Picked, only in English", industries=[wind])
    pick(offshore, chosen, untranslated_pick)
    offshore_de = translate_page(offshore, locales["de"])
    chosen_de = translate_page(chosen, locales["de"])
    suggested_de = translate_page(suggested, locales["de"])

    # A cluster and its translations are one cluster: one without a German page is still
    # a partner, shown in its own language, after those in the page's language.
    partners = potential_partners(offshore_de)
    assert [(p.page.pk, p.hand_picked) for p in partners] == [
        (chosen_de.pk, True),
        (untranslated_pick.pk, True),
        (suggested_de.pk, False),
        (only_english.pk, False),
    ]
    # The English page keeps its English partners.
    assert [(p.page.pk, p.hand_picked) for p in potential_partners(offshore)] == [
        (chosen.pk, True),
        (untranslated_pick.pk, True),
        (only_english.pk, False),
        (suggested.pk, False),
    ]


def test_clusters_are_compared_across_languages(client, root_page, locales):
    """A cluster registered in Danish only, in a Danish directory, is a partner of a German
    cluster in a German one, and the other way round."""
    english_index = ClusterIndexPageFactory(parent=root_page)
    danish_index = translate_page(english_index, locales["da"])
    german_index = translate_page(english_index, locales["de"])
    hydrogen = make_tags("Hydrogen")["hydrogen"]
    brint = cluster(danish_index, "Brintklynge", country="DK", industries=[hydrogen])
    wasserstoff = cluster(german_index, "Wasserstoff SH", industries=[hydrogen])
    # Ranked once per cluster, whatever the number of its versions.
    translate_page(wasserstoff, locales["en"])

    assert [(p.page.pk, p.shared_tags) for p in potential_partners(wasserstoff)] == [
        (brint.pk, [("hydrogen", "Hydrogen")])
    ]
    assert [p.page.pk for p in potential_partners(brint)] == [wasserstoff.pk]

    # The German page links the partner's page in its language once it has one.
    brint_de = translate_page(brint, locales["de"])
    assert [p.page.pk for p in potential_partners(wasserstoff)] == [brint_de.pk]

    response = client.get(wasserstoff.url)
    link = BeautifulSoup(response.content, "html.parser").select_one(".partner-card a")
    assert link["href"] == brint_de.url and not link.has_attr("lang")
    brint_de.refresh_from_db()
    brint_de.unpublish()
    response = client.get(wasserstoff.url)
    card = BeautifulSoup(response.content, "html.parser").select_one(".partner-card")
    assert card.a["href"] == brint.url
    assert card.a["lang"] == card.a["hreflang"] == "da"
    assert "Dänisch" in card.get_text(" ", strip=True)  # the language, named in German


def test_the_cluster_page_shows_its_partners(client, cluster_index, tags, offshore):
    partner = cluster(
        cluster_index,
        "CEwind",
        city="Flensburg",
        industries=[tags["wind-energy"], tags["logistics"]],
    )
    neighbour = cluster(cluster_index, "Food Cluster", country="DK", industries=[tags["food"]])
    pick(offshore, neighbour)

    response = client.get(offshore.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one("section.partners")
    assert section.h2.get_text(strip=True) == "Potential partners across the border"
    cards = section.select(".card")
    assert [card.select_one(".card__title a")["href"] for card in cards] == [
        neighbour.url,
        partner.url,
    ]
    assert "Recommended by the network" in cards[0].get_text()
    assert "Recommended by the network" not in cards[1].get_text()
    assert "Flensburg, Germany" in cards[1].select_one(".card__meta").get_text()
    shared = cards[1].select_one(".card__shared").get_text(" ", strip=True)
    assert shared == "Shared industries: Logistics, Wind energy"


def test_a_cluster_without_partners_shows_no_section(client, cluster_index, tags, offshore):
    response = client.get(offshore.url)
    assert response.status_code == 200
    assert b"Potential partners across the border" not in response.content


def _queries(client, url, cold=False):
    client.get(url)  # warm per-process caches (site root paths, content types)
    if cold:  # as after a content change: the ranking computed again
        content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert b"Potential partners across the border" in response.content
    return len(captured)


@pytest.mark.parametrize("cold", [False, True], ids=["kept", "after a change"])
def test_query_count_does_not_grow_with_the_number_of_clusters(
    client, root_page, locales, tags, cold
):
    industries = [tags["wind-energy"], tags["food"]]
    counts = []
    for slug, count in (("small", 5), ("large", 120)):
        index = ClusterIndexPageFactory(parent=root_page, slug=slug)
        create_clusters(index, count, industries)
        page, *others = index.get_children().specific().order_by("title")
        page.focus_areas = "Offshore wind, logistics"
        pick(page, *others[:2])
        counts.append(_queries(client, page.url, cold))
    assert counts[0] == counts[1], counts
    # After a change, the site's header is rendered anew too: its menu, its funding logos.
    assert counts[1] <= (31 if cold else 30), counts

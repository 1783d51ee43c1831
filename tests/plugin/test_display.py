"""How dates and recommendations read on the page."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from clusterdirectory.blocks import RecommendationBlock
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, EventIndexPageFactory, EventPageFactory

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def test_keyword_is_found_in_the_original_text_whatever_the_case_mapping():
    block = RecommendationBlock()
    value = block.to_python(
        {"statement": "İzmir: start a Labour mobility programme.", "keyword": "labour mobility"}
    )
    assert str(value.highlighted()) == (
        "İzmir: start a <strong>Labour mobility</strong> programme."
    )


@pytest.mark.parametrize(
    "start, end, all_day, shown",
    [
        # Early on a summer morning the UTC date is the day before: still one local day.
        ((2031, 5, 1, 0, 30), (2031, 5, 1, 16, 0), False, "May 1, 2031, 12:30 a.m. – 4 p.m."),
        ((2031, 5, 1, 0, 0), (2031, 5, 1, 23, 59), True, "May 1, 2031"),
        ((2012, 1, 17, 0, 0), (2012, 1, 18, 23, 59), True, "Jan. 17, 2012 – Jan. 18, 2012"),
    ],
)
def test_event_dates_are_shown_in_local_time(
    client, root_page, locales, start, end, all_day, shown
):
    index = EventIndexPageFactory(parent=root_page)
    event = EventPageFactory(
        parent=index,
        starts_at=datetime.datetime(*start, tzinfo=COPENHAGEN),
        ends_at=datetime.datetime(*end, tzinfo=COPENHAGEN),
        all_day=all_day,
    )
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.select_one(".event__when time").get_text(strip=True) == shown


def test_an_untranslated_cluster_is_marked_in_its_own_language(client, cluster_index, locales):
    """wagtail-localize shows a cluster not yet translated as an alias of its source: on
    /de/ a Danish profile is in Danish, and says so in German."""
    danish_index = translate_page(cluster_index, locales["da"])
    german_index = translate_page(cluster_index, locales["de"])
    danish = ClusterPageFactory(
        parent=danish_index, title="Fødevareklyngen", focus_areas="Fødevarer og emballage"
    )
    alias = danish.create_alias(
        parent=german_index, update_locale=locales["de"], reset_translation_key=False
    )

    soup = BeautifulSoup(client.get(alias.url).content, "html.parser")

    assert soup.html["lang"] == "de"
    assert soup.h1["lang"] == "da"
    label = soup.find("dt", string="Geschäftsschwerpunkte")
    assert label.get("lang") is None  # the page's own words
    focus = label.find_next_sibling("dd")
    assert focus["lang"] == "da" and focus.get_text() == "Fødevarer og emballage"
    note = soup.select_one(".cluster__language-note")
    assert note.get_text() == "Dieses Profil gibt es nur auf Dänisch." and not note.get("lang")
    # The source itself, in its own language, needs neither.
    soup = BeautifulSoup(client.get(danish.url).content, "html.parser")
    assert soup.h1.get("lang") is None and soup.select_one(".cluster__language-note") is None

"""How dates and recommendations read on the page."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from clusterdirectory.blocks import RecommendationBlock
from tests.factories import EventIndexPageFactory, EventPageFactory

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

"""News and Events: upcoming and past events, filters, the iCalendar files, linked pages."""

import datetime
import zoneinfo

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusterdirectory.event_listing import filter_events, split_events
from clusterdirectory.models import (
    ClusterPage,
    EventCaseStudy,
    EventCluster,
    EventPage,
    IndustryTagName,
)
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    make_tags,
)

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def local(*args):
    return datetime.datetime(*args, tzinfo=COPENHAGEN)


def event(index, title, starts_at, ends_at=None, industries=(), **fields):
    page = EventPageFactory(
        parent=index,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at or starts_at + 2 * HOUR,
        **fields,
    )
    if industries:
        page.industries.add(*industries)
        page.save_revision().publish()
    return page


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food")


@pytest.fixture
def index(root_page, locales):
    return EventIndexPageFactory(parent=root_page)


@pytest.fixture
def events(index, tags):
    """Two upcoming and two past events around now, tagged and of different kinds."""
    now = timezone.now()
    wind, food = tags["wind-energy"], tags["food"]
    return {
        "soon": event(index, "Soon", now + 2 * DAY, industries=[wind], kind="workshop"),
        "later": event(index, "Later", now + 20 * DAY, industries=[wind, food], kind="networking"),
        "recent": event(index, "Recent", now - 2 * DAY, industries=[food], kind="workshop"),
        "long_ago": event(index, "Long ago", now - 200 * DAY, industries=[wind], kind="workshop"),
    }


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def titles(events):
    return [event.title for event in events]


# -- Upcoming and past -------------------------------------------------------------------------


def test_an_event_is_upcoming_until_it_ends(index):
    now = local(2031, 3, 10, 12, 0)
    event(index, "Ended yesterday", local(2031, 3, 9, 9), local(2031, 3, 9, 17))
    event(index, "Ended a minute ago", local(2031, 3, 10, 9), local(2031, 3, 10, 11, 59))
    event(index, "Ends now", local(2031, 3, 10, 9), now)
    event(index, "Started yesterday, ends tonight", local(2031, 3, 9, 9), local(2031, 3, 10, 20))
    upcoming, past = split_events(index.events(), now=now)
    assert titles(upcoming) == ["Started yesterday, ends tonight", "Ends now"]
    assert titles(past) == ["Ended a minute ago", "Ended yesterday"]


def test_index_lists_upcoming_soonest_first_and_past_newest_first(client, index, events):
    draft = event(index, "Draft", timezone.now() + DAY)
    draft.unpublish()
    response = get(client, index.url)
    assert titles(response.context["upcoming_events"]) == ["Soon", "Later"]
    assert titles(response.context["past_events"]) == ["Recent", "Long ago"]
    soup = BeautifulSoup(response.content, "html.parser")
    upcoming = [a.get_text() for a in soup.select("#upcoming ~ ul .card__title a")]
    past = [a.get_text() for a in soup.select("#past ~ ul .card__title a")]
    assert (upcoming, past) == (["Soon", "Later"], ["Recent", "Long ago"])
    assert "Draft" not in response.content.decode()


def test_event_that_ended_an_hour_ago_is_past_and_one_ending_later_today_upcoming(client, index):
    now = timezone.now()
    event(index, "Ended an hour ago", now - 5 * HOUR, now - HOUR)
    event(index, "Ends in an hour", now - 5 * HOUR, now + HOUR)
    response = get(client, index.url)
    assert titles(response.context["upcoming_events"]) == ["Ends in an hour"]
    assert titles(response.context["past_events"]) == ["Ended an hour ago"]


# -- Filters -----------------------------------------------------------------------------------


def test_filter_by_tag(client, index, events):
    response = get(client, index.url, tag="wind-energy")
    assert titles(response.context["upcoming_events"]) == ["Soon", "Later"]
    assert titles(response.context["past_events"]) == ["Long ago"]


def test_several_tags_give_events_having_any_or_with_match_all_every_one(client, index, events):
    response = get(client, index.url, tag=["wind-energy", "food"], match="all")
    assert titles(response.context["upcoming_events"]) == ["Later"]
    assert titles(response.context["past_events"]) == []
    response = get(client, index.url, tag=["wind-energy", "food"])
    assert titles(response.context["upcoming_events"]) == ["Soon", "Later"]
    assert titles(response.context["past_events"]) == ["Recent", "Long ago"]


def test_no_events_offer_to_remove_each_choice(client, index, events):
    response = get(client, index.url, tag="food", kind="matchmaking")
    links = {link["label"]: link["count"] for link in response.context["removal_links"]}
    assert links == {"Food": 0, "Matchmaking event": 2}
    assert "Remove “Matchmaking event”" in response.content.decode()


def test_filter_by_kind_and_tag(client, index, events):
    response = get(client, index.url, kind="workshop")
    assert titles(response.context["upcoming_events"]) == ["Soon"]
    assert titles(response.context["past_events"]) == ["Recent", "Long ago"]
    response = get(client, index.url, kind="workshop", tag="food")
    assert titles(response.context["upcoming_events"]) == []
    assert titles(response.context["past_events"]) == ["Recent"]
    assert "No upcoming events match these filters." in response.content.decode()


def test_facets_count_what_each_choice_would_give(client, index, events):
    response = get(client, index.url, tag="wind-energy", match="all")
    assert {f["slug"]: f["count"] for f in response.context["tag_facets"]} == {
        "wind-energy": 3,
        "food": 1,
    }
    # Without match=all another industry widens: its count is what it gives alone.
    response = get(client, index.url, tag="wind-energy")
    assert {f["slug"]: f["count"] for f in response.context["tag_facets"]} == {
        "wind-energy": 3,
        "food": 2,
    }
    # Kinds are counted without the chosen kind, tags with it.
    kinds = {f["value"]: f["count"] for f in response.context["kind_facets"]}
    assert kinds == {"workshop": 2, "networking": 1, "matchmaking": 0, "other": 0}
    response = get(client, index.url, kind="networking")
    assert {f["slug"]: f["count"] for f in response.context["tag_facets"]} == {
        "wind-energy": 1,
        "food": 1,
    }
    html = response.content.decode()
    assert 'value="networking" checked' in html


def test_tag_names_read_in_the_visitors_language(client, index, events, tags, locales):
    source = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    german = source.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    index_de = translate_page(index, locales["de"])
    translate_page(events["soon"], locales["de"])
    html = get(client, index_de.url).content.decode()
    assert "Windenergie" in html
    assert "Wind energy" not in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"tag": "no-such-industry"}, "There is no industry called “no-such-industry”."),
        ({"kind": "picnic"}, "There is no kind of event called “picnic”."),
        ({"tag": "food", "kind": "picnic"}, "There is no kind of event called “picnic”."),
    ],
)
def test_unknown_values_say_so_and_match_nothing(client, index, events, params, message):
    response = get(client, index.url, **params)
    html = response.content.decode()
    assert message in html
    assert response.context["upcoming_events"] == []
    assert list(response.context["past_events"]) == []
    # The facets still offer every choice.
    assert {f["slug"] for f in response.context["tag_facets"]} == {"wind-energy", "food"}


def test_kind_is_case_insensitive_and_empty_values_are_ignored(client, index, events):
    response = get(client, index.url, kind="WORKSHOP", tag=["", "food", "food"])
    assert titles(response.context["past_events"]) == ["Recent"]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999", ""])
def test_bad_page_numbers_never_fail(client, index, events, page):
    assert get(client, index.url, page=page).context["past_events"].number == 1


def test_past_events_paginate_and_pages_keep_the_filters(client, index, tags, settings):
    settings.CLUSTERDIRECTORY = {"EVENTS_PER_PAGE": 2}
    start = timezone.now() - 10 * DAY
    for n in range(5):
        event(index, f"Past {n}", start - n * DAY, industries=[tags["food"]], kind="workshop")
    event(index, "Untagged", start + DAY, kind="workshop")
    response = get(client, index.url, tag="food", kind="workshop")
    assert response.context["past_events"].paginator.num_pages == 3
    assert "?tag=food&amp;kind=workshop&amp;page=2" in response.content.decode()
    second = get(client, index.url, tag="food", kind="workshop", page="2")
    assert titles(second.context["past_events"]) == ["Past 2", "Past 3"]


def test_the_filter_form_works_without_javascript(client, index, events):
    soup = BeautifulSoup(get(client, index.url).content, "html.parser")
    form = soup.select_one("form.directory__filters")
    assert form["method"] == "get"
    assert form["action"] == index.url
    assert {i["name"] for i in form.select("input")} == {"tag", "match", "kind"}
    assert form.select_one("button[type=submit]")


def test_filter_events_is_usable_on_its_own(index, events):
    result = filter_events(index.events(), tags=["wind-energy"], kind="workshop")
    assert sorted(titles(result)) == ["Long ago", "Soon"]


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query",
    ["", "?tag=wind-energy&kind=workshop", "?tag=wind-energy&tag=food&match=all&kind=other"],
)
def test_query_count_does_not_grow_with_the_number_of_events(
    client, root_page, locales, tags, query
):
    small = EventIndexPageFactory(parent=root_page, slug="small")
    large = EventIndexPageFactory(parent=root_page, slug="large")
    now = timezone.now()
    both = [tags["wind-energy"], tags["food"]]
    for index, count in ((small, 2), (large, 25)):
        for n in range(count):
            event(index, f"Upcoming {n}", now + (n + 1) * DAY, industries=both)
            event(index, f"Past {n}", now - (n + 1) * DAY, industries=both)
    small_count = _queries(client, small.url + query)
    large_count = _queries(client, large.url + query)
    assert small_count == large_count
    assert large_count <= 25, large_count


# -- iCalendar ---------------------------------------------------------------------------------


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def test_event_ics_has_the_event_in_copenhagen_time(client, index):
    page = event(
        index,
        "Matchmaking in Kolding",
        local(2031, 7, 15, 10, 0),
        local(2031, 7, 15, 16, 30),
        location="Kolding, Denmark",
        summary="Meet partners across the border.",
    )
    response, calendar = ics(client, page.url + "ical/")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (vevent,) = calendar.events
    assert str(vevent["SUMMARY"]) == "Matchmaking in Kolding"
    assert str(vevent["DESCRIPTION"]) == "Meet partners across the border."
    assert str(vevent["LOCATION"]) == "Kolding, Denmark"
    assert str(vevent["URL"]) == page.full_url
    assert str(vevent["UID"]) == f"{page.translation_key}@testserver"
    assert vevent["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    # 10:00 in Copenhagen in July (summer time) is 08:00 UTC.
    assert vevent["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert vevent["DTEND"].params["TZID"] == "Europe/Copenhagen"
    assert vevent.start.astimezone(datetime.UTC) == datetime.datetime(
        2031, 7, 15, 8, 0, tzinfo=datetime.UTC
    )
    assert vevent.end.astimezone(datetime.UTC) == datetime.datetime(
        2031, 7, 15, 14, 30, tzinfo=datetime.UTC
    )
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Copenhagen:20310715T100000" in text
    assert "\r\n" in text  # RFC 5545 lines end in CRLF
    calendar.validate()


def test_categories_are_the_tag_names_in_the_events_language(client, index, tags, locales):
    source = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    german = source.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    tagged = event(index, "Wind day", local(2031, 7, 15, 10), industries=[tags["wind-energy"]])
    untagged = event(index, "Open day", local(2031, 7, 16, 10))
    german_event = translate_page(tagged, locales["de"])
    (vevent,) = ics(client, tagged.url + "ical/")[1].events
    assert vevent.categories == ["Wind energy"]
    (vevent,) = ics(client, german_event.url + "ical/")[1].events
    assert vevent.categories == ["Windenergie"]
    (vevent,) = ics(client, untagged.url + "ical/")[1].events
    assert "CATEGORIES" not in vevent


def test_winter_times_are_one_hour_ahead_of_utc(client, index):
    page = event(index, "Winter workshop", local(2031, 1, 15, 10, 0), local(2031, 1, 15, 12, 0))
    _, calendar = ics(client, page.url + "ical/")
    (vevent,) = calendar.events
    assert vevent.start.astimezone(datetime.UTC).hour == 9


def test_calendar_carries_the_copenhagen_time_zone(client, index):
    page = event(index, "Summer workshop", local(2031, 7, 15, 10, 0))
    _, calendar = ics(client, page.url + "ical/")
    (zone,) = calendar.timezones
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    offsets = {
        (part.name, part["TZOFFSETTO"].td)
        for part in zone.subcomponents
        if part.name in ("STANDARD", "DAYLIGHT")
    }
    assert ("STANDARD", datetime.timedelta(hours=1)) in offsets
    assert ("DAYLIGHT", datetime.timedelta(hours=2)) in offsets
    # The time zone's own rules convert the event's time: the parser uses the VTIMEZONE.
    assert zone.to_tz().utcoffset(datetime.datetime(2031, 7, 15, 10)) == datetime.timedelta(hours=2)


def test_two_day_all_day_event_is_dates_with_an_exclusive_end(client, index):
    page = event(
        index,
        "Workshop 1 and networking event",
        local(2012, 1, 17, 0, 0),
        local(2012, 1, 18, 23, 59),
        all_day=True,
    )
    response, calendar = ics(client, page.url + "ical/")
    (vevent,) = calendar.events
    assert vevent["DTSTART"].dt == datetime.date(2012, 1, 17)
    assert vevent["DTEND"].dt == datetime.date(2012, 1, 19)
    text = response.content.decode()
    assert "DTSTART;VALUE=DATE:20120117" in text
    assert "DTEND;VALUE=DATE:20120119" in text


def test_one_day_all_day_event_ends_the_next_day(client, index):
    page = event(
        index, "Workshop 3", local(2012, 9, 14, 0, 0), local(2012, 9, 14, 23, 59), all_day=True
    )
    _, calendar = ics(client, page.url + "ical/")
    (vevent,) = calendar.events
    assert (vevent.start, vevent.end) == (datetime.date(2012, 9, 14), datetime.date(2012, 9, 15))


def test_uid_is_stable_and_shared_by_translations(client, index, locales):
    page = event(index, "Workshop", local(2031, 7, 15, 10, 0))
    german = translate_page(page, locales["de"])
    uids = [
        str(ics(client, url)[1].events[0]["UID"])
        for url in (page.url + "ical/", page.url + "ical/", german.url + "ical/")
    ]
    assert uids == [f"{page.translation_key}@testserver"] * 3


def test_draft_event_has_no_ics(client, index):
    page = event(index, "Draft", local(2031, 7, 15, 10, 0))
    page.unpublish()
    assert client.get(page.url + "ical/").status_code == 404


def test_index_calendar_has_every_live_event_of_its_language(client, index, locales):
    event(index, "Past workshop", local(2012, 1, 17), local(2012, 1, 18, 23, 59), all_day=True)
    upcoming = event(index, "Upcoming workshop", local(2031, 7, 15, 10, 0))
    draft = event(index, "Draft workshop", local(2031, 8, 1, 10, 0))
    draft.unpublish()
    german = translate_page(upcoming, locales["de"])
    german.title = "Kommender Workshop"
    german.save_revision().publish()
    german_index = german.get_parent()

    response, calendar = ics(client, index.url + "ical/")
    assert response["Content-Disposition"] == f'attachment; filename="{index.slug}.ics"'
    assert sorted(str(e["SUMMARY"]) for e in calendar.events) == [
        "Past workshop",
        "Upcoming workshop",
    ]
    assert [str(z["TZID"]) for z in calendar.timezones] == ["Europe/Copenhagen"]
    assert str(calendar["X-WR-CALNAME"]) == index.title
    calendar.validate()

    _, calendar = ics(client, german_index.url + "ical/")
    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Kommender Workshop"]
    assert str(calendar.events[0]["URL"]) == german.full_url


def test_empty_index_calendar_is_still_valid(client, index):
    _, calendar = ics(client, index.url + "ical/")
    assert calendar.events == []
    calendar.validate()  # the VTIMEZONE is the one component a calendar needs


def test_index_calendar_query_count_does_not_grow(client, root_page, locales, tags):
    small = EventIndexPageFactory(parent=root_page, slug="small")
    large = EventIndexPageFactory(parent=root_page, slug="large")
    for index, count in ((small, 2), (large, 20)):
        for n in range(count):
            event(index, f"Event {n}", local(2031, 1, 1) + n * DAY, industries=[tags["food"]])
    assert _queries(client, small.url + "ical/") == _queries(client, large.url + "ical/")


def test_calendar_is_linked_in_the_head_and_offered_to_subscribe(client, index, events):
    soup = BeautifulSoup(get(client, index.url).content, "html.parser")
    link = soup.head.select_one('link[rel="alternate"][type="text/calendar"]')
    assert link["href"] == index.url + "ical/"
    subscribe = soup.find("a", string="Subscribe (iCal)")
    assert subscribe["href"] == index.url + "ical/"

    soup = BeautifulSoup(get(client, events["soon"].url).content, "html.parser")
    link = soup.head.select_one('link[rel="alternate"][type="text/calendar"]')
    assert link["href"] == events["soon"].url + "ical/"
    assert soup.find("a", string="Add to calendar (.ics)")["href"] == events["soon"].url + "ical/"


# -- Clusters taking part and case studies from the event --------------------------------------


@pytest.fixture
def linked_event(index, cluster_index, root_page, locales):
    cewind = ClusterPageFactory(parent=cluster_index, title="CEwind", country="DE")
    alu = ClusterPageFactory(parent=cluster_index, title="AluCluster")
    draft = ClusterPageFactory(parent=cluster_index, title="Draft cluster")
    draft.unpublish()
    studies = CaseStudyIndexPageFactory(parent=root_page)
    study = CaseStudyPageFactory(parent=studies, title="Cross-border clusters")
    page = event(index, "Workshop 1", local(2012, 1, 17), local(2012, 1, 18, 23, 59))
    for number, cluster in enumerate((cewind, draft, alu)):  # numbered, as the admin does
        EventCluster.objects.create(page=page, cluster=cluster, sort_order=number)
    EventCaseStudy.objects.create(page=page, case_study=study)
    return {"event": page, "cewind": cewind, "alu": alu, "study": study}


def test_event_page_lists_clusters_taking_part_and_case_studies(client, linked_event):
    response = get(client, linked_event["event"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    clusters = [(a.get_text(), a["href"]) for a in soup.select(".event__clusters a")]
    assert clusters == [
        ("CEwind", linked_event["cewind"].url),
        ("AluCluster", linked_event["alu"].url),
    ]
    studies = [a.get_text() for a in soup.select(".event__case-studies a")]
    assert studies == ["Cross-border clusters"]


def test_linked_pages_are_shown_in_the_event_pages_language(client, linked_event, locales):
    german_cewind = translate_page(linked_event["cewind"], locales["de"])
    german_cewind.title = "CEwind (DE)"
    german_cewind.save_revision().publish()
    german_study = translate_page(linked_event["study"], locales["de"])
    german_study.title = "Grenzüberschreitende Cluster"
    german_study.save_revision().publish()
    german_event = translate_page(linked_event["event"], locales["de"])

    soup = BeautifulSoup(get(client, german_event.url).content, "html.parser")
    clusters = [(a.get_text(), a["href"]) for a in soup.select(".event__clusters a")]
    # AluCluster has no German translation: it is shown as it is rather than left out.
    assert clusters == [("CEwind (DE)", german_cewind.url), ("AluCluster", linked_event["alu"].url)]
    assert [a.get_text() for a in soup.select(".event__case-studies a")] == [
        "Grenzüberschreitende Cluster"
    ]
    ClusterPage.objects.get(pk=german_cewind.pk).unpublish()
    page = EventPage.objects.get(pk=german_event.pk)
    assert [c.title for c in page.clusters_taking_part()] == ["CEwind", "AluCluster"]

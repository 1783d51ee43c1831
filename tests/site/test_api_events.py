"""Events in the headless API (clusters taking part, case studies from the event, calendar and
feed URLs) and the event files under the site's language prefixes."""

import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from clusterdirectory.models import EventCaseStudy, EventCluster
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsPageFactory,
)

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def api(client, path, **params):
    response = client.get(f"/api/v2/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def event(root_page, cluster_index, locales):
    cewind = ClusterPageFactory(parent=cluster_index, title="CEwind", country="DE")
    draft = ClusterPageFactory(parent=cluster_index, title="Draft cluster")
    draft.unpublish()
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=root_page), title="Cross-border clusters"
    )
    index = EventIndexPageFactory(parent=root_page)
    page = EventPageFactory(
        parent=index,
        title="Workshop 1",
        starts_at=datetime.datetime(2012, 1, 17, tzinfo=COPENHAGEN),
        ends_at=datetime.datetime(2012, 1, 18, 23, 59, tzinfo=COPENHAGEN),
        all_day=True,
    )
    EventCluster.objects.create(page=page, cluster=cewind)
    EventCluster.objects.create(page=page, cluster=draft)
    EventCaseStudy.objects.create(page=page, case_study=study)
    return {"event": page, "index": index, "cewind": cewind, "study": study}


def test_event_lists_clusters_and_case_studies_in_its_language(client, event, locales):
    german_cewind = translate_page(event["cewind"], locales["de"])
    german_cewind.title = "CEwind Kompetenzzentrum"
    german_cewind.save_revision().publish()
    german_study = translate_page(event["study"], locales["de"])
    german_event = translate_page(event["event"], locales["de"])

    data = api(client, f"pages/{event['event'].pk}/")
    assert data["participating_clusters"] == [
        {"id": event["cewind"].pk, "title": "CEwind", "url": event["cewind"].url}
    ]
    assert data["resulting_case_studies"] == [
        {"id": event["study"].pk, "title": "Cross-border clusters", "url": event["study"].url}
    ]
    assert data["calendar_url"] == event["event"].full_url + "ical/"

    data = api(client, f"pages/{german_event.pk}/")
    assert data["participating_clusters"] == [
        {"id": german_cewind.pk, "title": "CEwind Kompetenzzentrum", "url": german_cewind.url}
    ]
    assert [study["id"] for study in data["resulting_case_studies"]] == [german_study.pk]
    assert data["calendar_url"].startswith("http://testserver/de/")


def test_chosen_pages_are_detail_only_so_listings_keep_their_query_budget(client, event):
    listing = client.get(
        "/api/v2/pages/",
        {"type": "clusterdirectory.EventPage", "fields": "participating_clusters"},
    )
    everything = api(client, "pages/", type="clusterdirectory.EventPage", fields="*")

    assert listing.status_code == 400
    (item,) = everything["items"]
    assert "participating_clusters" not in item and "resulting_case_studies" not in item
    assert item["calendar_url"].endswith("/ical/")


def test_index_offers_its_calendar_and_news_feeds(client, event):
    index = event["index"]
    data = api(client, f"pages/{index.pk}/")
    assert data["calendar_url"] == index.full_url + "ical/"
    assert data["news_rss_url"] == index.full_url + "news/rss/"
    assert data["news_atom_url"] == index.full_url + "news/atom/"


@pytest.mark.parametrize("language", ["en", "da", "de"])
def test_event_files_work_under_every_language_prefix(client, event, locales, language):
    index, page = event["index"], event["event"]
    news = NewsPageFactory(
        parent=index, title="InTra-Net in Szczecin", date=datetime.date(2012, 10, 24)
    )
    if language != "en":
        page = translate_page(page, locales[language])
        translate_page(news, locales[language])
        index = page.get_parent()
    assert index.url == f"/{language}/events/"
    response = client.get(f"/{language}/events/ical/")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [e.start for e in calendar.events] == [datetime.date(2012, 1, 17)]
    response = client.get(f"/{language}/events/{page.slug}/ical/")
    assert response.status_code == 200
    for feed in ("rss", "atom"):
        response = client.get(f"/{language}/events/news/{feed}/")
        assert response.status_code == 200
        parsed = feedparser.parse(response.content)
        assert parsed.feed.language == language
        assert [entry.title for entry in parsed.entries] == ["InTra-Net in Szczecin"]

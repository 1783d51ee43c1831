"""The news feeds of an events index: RSS and Atom per language, linked from the page head."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusterdirectory.models import IndustryTagName, NewsPage
from tests.conftest import translate_page
from tests.factories import EventIndexPageFactory, IndustryTagFactory, NewsPageFactory


def news(index, title, date, industries=(), **fields):
    page = NewsPageFactory(parent=index, title=title, date=date, **fields)
    if industries:
        page.industries.add(*industries)
        page.save_revision().publish()
    return page


@pytest.fixture
def index(root_page, locales):
    return EventIndexPageFactory(parent=root_page)


@pytest.fixture
def wind(db, locales):
    tag = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    source = IndustryTagName.objects.get(tag=tag, locale=locales["en"])
    german = source.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    return tag


@pytest.fixture
def articles(index, wind):
    return {
        "older": news(index, "Kick-off in Kolding", datetime.date(2011, 3, 1)),
        "newer": news(
            index,
            "R&D partners <across> the border",
            datetime.date(2012, 10, 24),
            summary="Jesper Lund presented InTra-Net in Szczecin.",
            industries=[wind],
        ),
    }


def feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def rss(client, index):
    return feed(client, index.url + "news/rss/", "application/rss+xml; charset=utf-8")


def atom(client, index):
    return feed(client, index.url + "news/atom/", "application/atom+xml; charset=utf-8")


def test_rss_lists_live_news_newest_first_with_absolute_links(client, index, articles):
    draft = news(index, "Draft news", datetime.date(2013, 1, 1))
    draft.unpublish()
    parsed = rss(client, index)
    assert parsed.version == "rss20"
    assert parsed.feed.link == index.full_url
    assert parsed.feed.language == "en"
    assert [entry.title for entry in parsed.entries] == [
        "R&D partners <across> the border",
        "Kick-off in Kolding",
    ]
    first = parsed.entries[0]
    assert first.link == articles["newer"].full_url
    assert first.link.startswith("http://testserver/")
    assert first.summary == "Jesper Lund presented InTra-Net in Szczecin."
    assert first.published_parsed[:3] == (2012, 10, 23)  # midnight in Copenhagen, in UTC
    assert [tag.term for tag in first.tags] == ["Wind energy"]


def test_atom_has_the_same_entries(client, index, articles):
    parsed = atom(client, index)
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == [
        "R&D partners <across> the border",
        "Kick-off in Kolding",
    ]
    entry = parsed.entries[0]
    assert entry.link == articles["newer"].full_url
    assert entry.id == articles["newer"].full_url
    assert entry.updated_parsed  # Atom requires <updated>
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [
        index.full_url + "news/atom/"
    ]


def test_each_language_has_its_own_feed(client, index, articles, wind, locales):
    german = translate_page(articles["newer"], locales["de"])
    german.title = "F&E-Partner über die Grenze"
    german.save_revision().publish()
    german_index = german.get_parent().specific
    assert german_index.url.startswith("/de/")

    german_feed = rss(client, german_index)
    assert german_feed.feed.language == "de"
    assert [entry.title for entry in german_feed.entries] == ["F&E-Partner über die Grenze"]
    assert german_feed.entries[0].link == german.full_url
    assert [tag.term for tag in german_feed.entries[0].tags] == ["Windenergie"]
    assert [entry.title for entry in atom(client, german_index).entries] == [
        "F&E-Partner über die Grenze"
    ]
    assert "F&E-Partner über die Grenze" not in [e.title for e in rss(client, index).entries]


def test_feed_has_at_most_twenty_items(client, index):
    for n in range(22):
        news(index, f"News {n}", datetime.date(2012, 1, 1) + datetime.timedelta(days=n))
    entries = rss(client, index).entries
    assert len(entries) == 20
    assert entries[0].title == "News 21"


def test_feed_query_count_does_not_grow(client, root_page, locales, wind):
    small = EventIndexPageFactory(parent=root_page, slug="small")
    large = EventIndexPageFactory(parent=root_page, slug="large")
    for index, count in ((small, 2), (large, 15)):
        for n in range(count):
            news(index, f"News {n}", datetime.date(2012, 1, 1 + n), industries=[wind])

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(small.url + "news/rss/") == queries(large.url + "news/rss/")


def head_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {link["type"]: link["href"] for link in soup.head.select('link[rel="alternate"][type]')}


def test_feeds_are_linked_from_the_head_of_the_index_and_news_pages(client, index, articles):
    expected = {
        "application/rss+xml": index.url + "news/rss/",
        "application/atom+xml": index.url + "news/atom/",
    }
    assert head_links(client, index.url).items() >= expected.items()
    assert head_links(client, articles["newer"].url).items() >= expected.items()
    html = client.get(index.url).content.decode()
    assert f'href="{index.url}news/rss/"' in html  # and visibly, under the news


def test_news_page_links_its_own_languages_feeds(client, index, articles, locales):
    german = translate_page(articles["older"], locales["de"])
    german_index = NewsPage.objects.get(pk=german.pk).get_parent()
    links = head_links(client, german.url)
    assert links["application/rss+xml"] == german_index.url + "news/rss/"

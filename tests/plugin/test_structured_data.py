"""schema.org JSON-LD on the plugin's pages: Organization, Event, NewsArticle, Article.

Host-agnostic: passes in the InTra-Net site and in ``tests.plugin_site`` (whose pages use the
plugin's own ``clusterdirectory/base.html``).
"""

import datetime
import json
import zoneinfo

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from clusterdirectory.structured_data import json_ld, page_description
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def json_ld_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").select(
        'script[type="application/ld+json"]'
    )
    data = [json.loads(script.string) for script in scripts]
    typed = [item for item in data if item["@type"] != "WebSite"]
    assert len(typed) == 1, data
    assert typed[0]["@context"] == "https://schema.org"
    return typed[0]


@pytest.fixture
def events(root_page, locales):
    return EventIndexPageFactory(parent=root_page)


def test_cluster_is_an_organization(client, cluster_index):
    logo = wagtail_factories.ImageFactory(title="AluCluster logo")
    cluster = ClusterPageFactory(
        parent=cluster_index,
        title="AluCluster",
        slug="alucluster",
        street="Jernbanegade 27",
        po_box="804",
        postcode="6000",
        city="Kolding",
        country="DK",
        website="https://www.alucluster.com",
        contact_email="mn@alucluster.com",
        show_contact_email=True,
        contact_phone="+45 2035 3255",
        founded_year=2001,
        logo=logo,
        description="<p>Aluminium &amp; light metals.</p>",
    )
    data = json_ld_of(client, cluster)
    assert data["@type"] == "Organization"
    assert data["name"] == "AluCluster"
    assert data["url"] == "http://testserver/en/clusters/alucluster/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Jernbanegade 27",
        "postOfficeBoxNumber": "804",
        "postalCode": "6000",
        "addressLocality": "Kolding",
        "addressCountry": "DK",
    }
    assert data["email"] == "mn@alucluster.com"
    assert data["telephone"] == "+45 2035 3255"
    assert data["foundingDate"] == "2001"
    assert data["logo"].startswith("http://testserver/")
    assert data["sameAs"] == ["https://www.alucluster.com"]
    assert data["description"] == "Aluminium & light metals."


def test_cluster_email_only_with_consent(client, cluster_index):
    cluster = ClusterPageFactory(
        parent=cluster_index, contact_email="private@example.org", show_contact_email=False
    )
    data = json_ld_of(client, cluster)
    assert "email" not in data
    assert "private@example.org" not in json.dumps(data)
    # Fields left empty are left out, not sent as "".
    assert "foundingDate" not in data
    assert "" not in data.values()


@pytest.mark.parametrize(
    "start, end, all_day, dates",
    [
        (
            (2031, 1, 17, 9, 0),
            (2031, 1, 17, 16, 30),
            False,
            ("2031-01-17T09:00:00+01:00", "2031-01-17T16:30:00+01:00"),
        ),
        (
            (2031, 6, 2, 9, 0),
            (2031, 6, 3, 15, 0),
            False,
            ("2031-06-02T09:00:00+02:00", "2031-06-03T15:00:00+02:00"),
        ),
        # A multi-day event known by its dates only.
        ((2012, 1, 17, 0, 0), (2012, 1, 18, 23, 59), True, ("2012-01-17", "2012-01-18")),
    ],
)
def test_event(client, events, start, end, all_day, dates):
    event = EventPageFactory(
        parent=events,
        title="Workshop 1 and networking event",
        starts_at=datetime.datetime(*start, tzinfo=COPENHAGEN),
        ends_at=datetime.datetime(*end, tzinfo=COPENHAGEN),
        all_day=all_day,
        location="Sønderborg, Alsion",
        summary="Training cluster managers.",
    )
    data = json_ld_of(client, event)
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == dates
    assert data["name"] == "Workshop 1 and networking event"
    assert data["location"] == {
        "@type": "Place",
        "name": "Sønderborg, Alsion",
        "address": "Sønderborg, Alsion",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["description"] == "Training cluster managers."
    assert data["url"] == f"http://testserver{event.url}"
    assert data["organizer"]["@type"] == "Organization"
    assert data["organizer"]["name"]


def test_news_is_a_news_article(client, events):
    news = NewsPageFactory(
        parent=events,
        title="InTra-Net at the Polish-German Business Forum",
        date=datetime.date(2012, 10, 24),
        summary="Presented in Szczecin.",
        image=wagtail_factories.ImageFactory(),
    )
    data = json_ld_of(client, news)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "InTra-Net at the Polish-German Business Forum"
    assert data["datePublished"] == "2012-10-24"
    assert data["description"] == "Presented in Szczecin."
    assert data["inLanguage"] == "en"
    assert len(data["image"]) == 1
    assert data["image"][0].startswith("http://testserver/")
    assert data["publisher"]["@type"] == "Organization"


def test_case_study_is_an_article(client, root_page, locales):
    studies = CaseStudyIndexPageFactory(parent=root_page)
    study = CaseStudyPageFactory(parent=studies, title="Cross-border study")
    study.save_revision().publish()
    study.refresh_from_db()
    data = json_ld_of(client, study)
    assert data["@type"] == "Article"
    assert data["headline"] == "Cross-border study"
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == study.first_published_at
    assert published.utcoffset() is not None


def test_script_end_in_a_value_stays_inside_the_script(client, cluster_index):
    title = "</script><script>alert('x')</script> & <!--"
    cluster = ClusterPageFactory(parent=cluster_index, title=title)
    html = client.get(cluster.url).content.decode()
    assert "<script>alert(" not in html
    assert json_ld_of(client, cluster)["name"] == title


def test_json_ld_escapes_html_characters():
    script = str(json_ld({"name": "</script>&"}))
    assert script == (
        '<script type="application/ld+json">{"name": "\\u003C/script\\u003E\\u0026"}</script>'
    )


def test_other_pages_have_none(client, cluster_index):
    response = client.get(cluster_index.url)
    soup = BeautifulSoup(response.content, "html.parser")
    types = [
        json.loads(script.string)["@type"]
        for script in soup.select('script[type="application/ld+json"]')
    ]
    assert types in ([], ["WebSite"])


@pytest.mark.parametrize(
    "fields, description",
    [
        (
            {"search_description": "For search engines.", "summary": "For cards."},
            "For search engines.",
        ),
        ({"summary": "For cards."}, "For cards."),
        ({"summary": "  Many\n\n  spaces  "}, "Many spaces"),
        ({"summary": "x" * 300}, "x" * 199 + "…"),
        ({}, ""),
    ],
)
def test_description_falls_back_to_the_summary(events, fields, description):
    news = NewsPageFactory(parent=events, **fields)
    assert page_description(news) == description


def test_description_of_rich_text_is_plain_text(cluster_index):
    cluster = ClusterPageFactory(
        parent=cluster_index, description='<p>Wind <b>&amp;</b> <a href="/x">sea</a></p>'
    )
    assert page_description(cluster) == "Wind & sea"


def test_meta_description_in_the_page_head(client, events):
    news = NewsPageFactory(parent=events, summary="Presented in Szczecin.")
    soup = BeautifulSoup(client.get(news.url).content, "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Presented in Szczecin."

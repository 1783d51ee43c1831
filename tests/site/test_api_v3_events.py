"""Events and case studies on the API v3: filtered as on the site, with facet counts, in each
language, with constant queries."""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusterdirectory.models import IndustryTag, IndustryTagName
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    make_tags,
)

pytestmark = pytest.mark.usefixtures("no_page_cache")


def ok(client, path, **params):
    response = client.get(f"/api/v3/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


@pytest.fixture
def events(root_page, locales):
    tags = make_tags("Wind energy", "Food")
    index = EventIndexPageFactory(parent=root_page)
    now = timezone.now()

    def event(title, days, kind, tag):
        page = EventPageFactory(
            parent=index,
            title=title,
            kind=kind,
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=4),
        )
        page.industries.add(tags[tag])
        page.save_revision().publish()
        return page

    made = [
        event("Matchmaking in Kolding", 10, "matchmaking", "wind-energy"),
        event("Food workshop", 40, "workshop", "food"),
        event("Kick-off", -400, "networking", "wind-energy"),
        event("Wind workshop", -30, "workshop", "wind-energy"),
    ]
    translate_page(index, locales["de"])
    for page in made:
        translate_page(page, locales["de"])
    IndustryTagName.objects.create(
        tag=IndustryTag.objects.get(slug="wind-energy"), locale=locales["de"], name="Windenergie"
    )
    return index


def test_events_upcoming_soonest_first_then_past_newest_first(client, events):
    assert titles(ok(client, "events/")) == [
        "Matchmaking in Kolding",
        "Food workshop",
        "Wind workshop",
        "Kick-off",
    ]
    assert titles(ok(client, "events/", upcoming="true")) == [
        "Matchmaking in Kolding",
        "Food workshop",
    ]
    assert titles(ok(client, "events/", upcoming="false")) == ["Wind workshop", "Kick-off"]


def test_events_filtered_with_counts_in_german(client, events):
    data = ok(client, "events/", locale="de", industry="wind-energy", facets="industry,kind")
    assert data["count"] == 3
    first = data["items"][0]
    assert first["locale"] == "de" and first["kind_name"] == "Matchmaking-Veranstaltung"
    assert first["industries"] == [{"slug": "wind-energy", "name": "Windenergie"}]
    assert first["calendar_url"] == first["html_url"] + "ical/"
    kinds = {kind["code"]: kind["count"] for kind in data["facets"]["kind"]}
    assert kinds == {"workshop": 1, "networking": 1, "matchmaking": 1, "other": 0}
    for code, count in kinds.items():
        chosen = ok(client, "events/", locale="de", industry="wind-energy", kind=code)
        assert chosen["count"] == count
    both = ok(client, "events/", industry=["wind-energy", "food"], match="all")
    assert both["count"] == 0
    assert client.get("/api/v3/events/", {"industry": "nuclear"}).status_code == 400
    assert client.get("/api/v3/events/", {"kind": "party"}).status_code == 422


def test_event_listing_queries_do_not_grow(client, events):
    def queries():
        ok(client, "events/", facets="industry,kind")
        with CaptureQueriesContext(connection) as captured:
            ok(client, "events/", facets="industry,kind")
        return len(captured)

    few = queries()
    for n in range(40):
        EventPageFactory(parent=events, title=f"Extra {n}")
    assert queries() == few


@pytest.fixture
def case_studies(root_page, locales):
    tags = make_tags("Wind energy", "Food")
    index = CaseStudyIndexPageFactory(parent=root_page)
    made = []
    for title, tag in (("Wind partners", "wind-energy"), ("Food chains", "food")):
        page = CaseStudyPageFactory(parent=index, title=title, summary=f"About {title}.")
        page.industries.add(tags[tag])
        page.save_revision().publish()
        made.append(page)
    return index


def test_case_studies_newest_first_with_counts(client, case_studies):
    data = ok(client, "case-studies/", facets="industry")
    assert titles(data) == ["Food chains", "Wind partners"]
    assert data["items"][0]["summary"] == "About Food chains."
    assert {i["slug"]: i["count"] for i in data["facets"]["industry"]} == {
        "food": 1,
        "wind-energy": 1,
    }
    assert titles(ok(client, "case-studies/", industry="wind-energy")) == ["Wind partners"]
    assert client.get("/api/v3/case-studies/", {"locale": "de"}).status_code == 404


def test_a_recommendation_comes_highlighted_and_block_images_in_sizes(client, root_page):
    image = wagtail_factories.ImageFactory(title="Harbour", file__width=800, file__height=400)
    index = CaseStudyIndexPageFactory(parent=root_page)
    study = CaseStudyPageFactory(
        parent=index,
        recommendations=[
            {
                "type": "recommendation",
                "value": {
                    "statement": "Start a <labour> mobility programme.",
                    "keyword": "mobility",
                },
            }
        ],
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Harbour", "decorative": False},
            }
        ],
    )
    detail = ok(client, f"pages/{study.pk}/")
    [recommendation] = detail["recommendations"]
    assert recommendation["value"]["highlighted"] == (
        "Start a &lt;labour&gt; <strong>mobility</strong> programme."
    )
    [picture] = [block["value"] for block in detail["body"] if block["type"] == "image"]
    assert picture["alt"] == "Harbour"
    assert [(r["width"], r["format"]) for r in picture["renditions"]] == [
        (320, "jpeg"),
        (320, "webp"),
        (640, "jpeg"),
        (640, "webp"),
        (800, "jpeg"),
        (800, "webp"),
    ]


def test_an_events_image_in_sizes_with_the_pages_own_alt_text(client, events, locales):
    from home.demo.images import network_illustration  # noqa: PLC0415 (the demo's drawing)

    image = network_illustration("kick-off")
    assert (image.width, image.height) == (1280, 512)
    assert network_illustration("kick-off") == image  # made once
    english = events.get_children().get(title="Kick-off").specific
    english.image, english.image_alt = image, "Clusters linked across the border"
    english.save_revision().publish()
    german = english.get_translation(locales["de"])
    german.image, german.image_alt = image, "Über die Grenze verbundene Cluster"
    german.save_revision().publish()

    for code, alt in (("en", english.image_alt), ("de", german.image_alt)):
        [item] = ok(client, "events/", locale=code, upcoming="false", kind="networking")["items"]
        assert item["image"]["alt"] == alt
        assert {(r["width"], r["format"]) for r in item["image"]["renditions"]} == {
            (width, kind) for width in (320, 640, 1280) for kind in ("webp", "png")
        }
        page = english if code == "en" else german
        html = client.get(page.url).content.decode()
        picture = BeautifulSoup(html, "html.parser").select_one("main picture")
        img = picture.select_one("img.page-image")
        assert img["alt"] == alt and img["width"] and img["height"]
        webp = picture.select_one('source[type="image/webp"]')["srcset"].split(", ")
        assert [entry.split()[1] for entry in webp] == ["640w", "960w", "1280w"]
        for url in (img["src"], webp[0].split()[0]):  # made, where the web server finds it
            assert default_storage.exists(url.removeprefix(settings.MEDIA_URL)), url

    english.image_alt = ""  # the image's own description, then
    assert english.image_alt_text == image.default_alt_text

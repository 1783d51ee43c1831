"""What editors (or a forged admin request) put into rich text and blocks cannot inject
script into the pages visitors get: the server converts the editor's data itself."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import RawHTMLBlock, StreamBlock
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from clusterdirectory.models import ClusterPage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

SCRIPT_TEXT = "<script>alert(1)</script>"


def forged_contentstate():
    """What a tampered editor could send: markup as text, a javascript: link, an unknown
    entity carrying raw HTML."""
    text = f"{SCRIPT_TEXT} click <img src=x onerror=alert(1)>"
    link_at = text.index("click")
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [
                        {"offset": link_at, "length": 5, "key": 0},
                        {"offset": 0, "length": 5, "key": 1},
                    ],
                    "data": {},
                },
                {
                    "key": "d3e4f",
                    "type": "atomic",
                    "depth": 0,
                    "text": " ",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 1, "key": 2}],
                    "data": {},
                },
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "javascript:alert(1)"},
                },
                "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "jav\tascript:x"}},
                "2": {"type": "EMBED", "mutability": "IMMUTABLE", "data": {"html": SCRIPT_TEXT}},
            },
        }
    )


def assert_no_script(html):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json", script
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            if name in ("href", "src"):
                assert not str(value).replace("\t", "").lower().startswith("javascript"), element
    assert not soup.find_all(["iframe", "object", "embed"])


def test_standard_page_blocks_and_rich_text(page_test, client, root_page, locales):
    home = root_page.add_child(instance=HomePage(title="Home", slug="home"))
    page_test.assertCanCreate(
        home,
        StandardPage,
        nested_form_data(
            {
                "title": "About",
                "slug": "about",
                "introduction": SCRIPT_TEXT,
                "body": streamfield([("paragraph", forged_contentstate())]),
            }
        ),
    )
    page = StandardPage.objects.get(slug="about")
    html = client.get(page.url).content.decode()
    assert "alert(1)" in html  # the text is kept, as text
    assert_no_script(html)


def test_cluster_description(page_test, client, cluster_index):
    page_test.assertCanCreate(
        cluster_index,
        ClusterPage,
        nested_form_data(
            {
                "title": "Cluster Nord",
                "slug": "cluster-nord",
                "country": "DE",
                "focus_areas": SCRIPT_TEXT,
                "description": forged_contentstate(),
                "services": streamfield([]),
                "partner_links": inline_formset([]),
            }
        ),
    )
    page = ClusterPage.objects.get(slug="cluster-nord")
    assert_no_script(client.get(page.url).content.decode())
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert "javascript" not in api["description"]
    assert "<script" not in api["description"]


def all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from all_blocks(child)
    if getattr(block, "child_block", None) is not None:
        yield from all_blocks(block.child_block)


def test_no_raw_html_block_is_offered_to_editors():
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                stream = field.stream_block
                assert isinstance(stream, StreamBlock)
                offenders = [b for b in all_blocks(stream) if isinstance(b, RawHTMLBlock)]
                assert offenders == [], (model, field.name)

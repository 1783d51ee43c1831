"""Industries in the alphabetical order of the page's language, in the registration and
follow forms as in the directory's filter: Danish æ, ø, å after z and in that order, German
ä with a (issue 26)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from clusterdirectory.collation import sort_key
from clusterdirectory.models import IndustryTagName
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory

pytestmark = pytest.mark.usefixtures("no_page_cache")

NAMES = {  # slug: English, Danish, German
    "apples": ("Apples", "Æbler", "Äpfel"),
    "oysters": ("Oysters", "Østers", "Austern"),
    "eels": ("Eels", "Ål", "Aale"),
    "zinc": ("Zinc", "Zink", "Zink"),
    "farming": ("Farming", "Agerbrug", "Ackerbau"),
}
DANISH_ORDER = ["farming", "zinc", "apples", "oysters", "eels"]
GERMAN_ORDER = ["eels", "farming", "apples", "oysters", "zinc"]


@pytest.fixture
def industries(locales):
    tags = []
    for slug, (english, danish, german) in NAMES.items():
        tag = IndustryTagFactory(name=english, slug=slug)
        source = IndustryTagName.objects.get(tag=tag, locale__language_code="en")
        for code, name in (("da", danish), ("de", german)):
            translation = source.copy_for_translation(Locale.objects.get(language_code=code))
            translation.name = name
            translation.save()
        tags.append(tag)
    return tags


def offered(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [box["value"] for box in soup.select('input[type="checkbox"][name="industries"]')]


def test_the_registration_form_lists_industries_in_danish_order(
    client, cluster_index, locales, industries
):
    danish_index = translate_page(cluster_index, locales["da"])
    assert offered(client, danish_index.url + "register/") == DANISH_ORDER


def test_the_follow_form_lists_industries_in_german_order(
    client, cluster_index, locales, industries
):
    german_index = translate_page(cluster_index, locales["de"])
    assert offered(client, german_index.url + "follow/") == GERMAN_ORDER
    assert offered(client, cluster_index.url + "follow/") == sorted(NAMES)  # English


def test_the_directory_filter_lists_them_in_the_same_order(
    client, cluster_index, locales, industries
):
    cluster = ClusterPageFactory(parent=cluster_index, title="Everything", industries=industries)
    danish_index = translate_page(cluster_index, locales["da"])
    translate_page(cluster, locales["da"])
    facets = client.get(danish_index.url).context["tag_facets"]
    assert [facet["slug"] for facet in facets] == DANISH_ORDER


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Zink", "Ærø", "Øster", "Aabenraa", "Åbenrå"]),
        ("de", ["Ofen", "Öl", "Strand", "Straße", "Zucker"]),
        ("en", ["Éclair", "eel", "Eel", "Zinc"]),
    ],
)
def test_sorting_follows_each_languages_rule(language, expected):
    for names in (expected[::-1], expected[1::2] + expected[::2]):
        assert sorted(names, key=lambda name: sort_key(name, language)) == expected

"""The public forms' messages as a visitor reads them: in the site's formal German."""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import translate_page
from tests.factories import IndustryTagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register_urls(cluster_index, locales):
    """The registration form's address in English, Danish and German."""
    IndustryTagFactory(name="Wind energy")
    urls = {"en": cluster_index.url + "register/"}
    for code in ("da", "de"):
        urls[code] = translate_page(cluster_index, locales[code]).url + "register/"
    return urls


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        field["id"].removesuffix("_error"): field.get_text(" ", strip=True)
        for field in soup.select("ul.errorlist[id]")
    }


def test_german_errors_address_the_visitor_formally(client, register_urls):
    response = client.post(
        register_urls["de"],
        {"contact_email": "anna@", "website": "not a url", "founded_year": "year", "country": "PL"},
    )

    assert response.status_code == 400
    found = errors(response)
    assert found["id_contact_email"] == "Geben Sie eine gültige E-Mail-Adresse ein."
    assert found["id_website"] == "Geben Sie eine gültige Webadresse ein."
    assert found["id_founded_year"] == "Geben Sie eine ganze Zahl ein."
    assert found["id_country"].startswith("Wählen Sie eine gültige Option.")
    assert not any("gib " in text.lower() for text in found.values())

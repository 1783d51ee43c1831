"""The public forms' messages as a visitor reads them: in the site's formal German, numbers in
the visitor's format, and a summary at the top whose errors link to their fields."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

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


def bitmap(size):
    """A valid image of about ``size`` bytes (an uncompressed BMP)."""
    out = io.BytesIO()
    Image.new("RGB", (size // 3 // 100, 100), "navy").save(out, "BMP")
    return SimpleUploadedFile("logo.bmp", out.getvalue(), "image/bmp")


@pytest.mark.parametrize(
    "code, expected",
    [
        ("en", "(1.5 MB). At most 1 MB"),
        ("da", "(1,5 MB). Højst 1 MB"),
        ("de", "(1,5 MB). Bitte höchstens 1 MB"),
    ],
)
def test_file_sizes_are_written_in_the_visitors_number_format(
    client, register_urls, settings, code, expected
):
    settings.CLUSTERDIRECTORY = {**settings.CLUSTERDIRECTORY, "LOGO_MAX_BYTES": 2**20}

    response = client.post(register_urls[code], {"logo_file": bitmap(int(1.5 * 2**20))})

    assert expected in errors(response)["id_logo_file"]


def test_the_error_summary_is_focused_and_links_to_each_field(client, register_urls):
    response = client.post(register_urls["en"], {"contact_email": "anna@"})

    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#form-errors")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    links = {a["href"]: a.get_text() for a in summary.select("a")}
    email = links["#id_contact_email"]
    assert email == "E-mail of the contact person: Enter a valid email address."
    assert links["#id_name"] == "Name of the cluster: This field is required."
    # One link for each error beside a field, and each leads to its field (a group of
    # checkboxes: to the element holding them).
    assert len(links) == len(soup.select(".field .errorlist li"))
    for href in links:
        assert soup.select_one(href) is not None, href

"""The funders' logos in every page's header, chosen by staff in the site's settings (where
the page is seen on landing is the browser test's: tests/browser/test_funding_logos.py)."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import FundingLogo, FundingLogos
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db

EU_TEXT = {
    "text_en": "Co-funded by the European Union",
    "text_da": "Medfinansieret af Den Europæiske Union",
    "text_de": "Kofinanziert von der Europäischen Union",
}


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def german_home(home, locales):
    return translate_page(home, locales["de"])


def funding(html):
    return BeautifulSoup(html, "html.parser").select_one("header .funding")


def save_logos(admin_client, site, logos):
    url = reverse("wagtailsettings:edit", args=["home", "fundinglogos", site.pk])
    response = admin_client.post(url, nested_form_data({"logos": inline_formset(logos)}))
    assert response.status_code == 302, response.context["form"].formsets["logos"].errors
    return response


def test_staff_choose_the_logos_and_every_language_shows_its_own_text(
    client, admin_client, site, german_home
):
    emblem = wagtail_factories.ImageFactory(title="EU emblem", file__width=300, file__height=200)
    interreg = wagtail_factories.ImageFactory(title="Interreg", file__width=400, file__height=100)
    assert funding(client.get("/de/").content) is None  # kept by the page cache till a change

    save_logos(
        admin_client,
        site,
        [
            {"image": emblem.pk, "is_union_emblem": "on", **EU_TEXT, "ORDER": "1"},
            {"image": interreg.pk, "text_en": "Interreg Deutschland-Danmark", "ORDER": "2"},
        ],
    )

    header = funding(client.get("/de/").content)
    union, other = header.select("li")
    assert "funding__logo--union" in union["class"]
    assert union.select_one(".funding__text").get_text() == EU_TEXT["text_de"]
    assert union.img["alt"] == ""  # the text beside it says what it is
    assert not union.has_attr("lang")  # German on a German page
    # Another logo's name is its alternative text, in English where there is no German one.
    assert other.img["alt"] == "Interreg Deutschland-Danmark"
    assert other["lang"] == "en"
    assert other.select_one(".funding__text") is None
    english = funding(client.get("/en/").content)
    assert english.select_one(".funding__text").get_text() == EU_TEXT["text_en"]


def test_a_logo_changed_outside_the_settings_form_changes_the_header(client, site, home):
    settings = FundingLogos.for_site(site)
    image = wagtail_factories.ImageFactory(title="EU emblem")
    FundingLogo.objects.create(settings=settings, image=image, is_union_emblem=True, **EU_TEXT)
    assert "Co-funded by" in funding(client.get("/en/").content).get_text()

    FundingLogo.objects.filter(settings=settings).get().delete()

    assert funding(client.get("/en/").content) is None


def test_a_logo_needs_an_image_and_its_english_text(admin_client, site):
    url = reverse("wagtailsettings:edit", args=["home", "fundinglogos", site.pk])
    response = admin_client.post(
        url, nested_form_data({"logos": inline_formset([{"image": "", "text_en": ""}])})
    )

    assert response.status_code == 200
    errors = response.context["form"].formsets["logos"].errors[0]
    assert set(errors) == {"image", "text_en"}
    assert not FundingLogo.objects.exists()

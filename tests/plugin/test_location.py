"""Every cluster on the map: its city's place from the list the plugin ships (no third party
asked), on the registration and profile update forms as a point the visitor may move, with
latitude and longitude fields that work without JavaScript."""

import pytest
from bs4 import BeautifulSoup

from clusterdirectory.models import ClusterPage, ClusterRegistration
from clusterdirectory.places import find
from clusterdirectory.registration.forms import RegistrationForm
from tests.factories import IndustryTagFactory
from tests.plugin.test_registration import register_url, valid_data

pytestmark = pytest.mark.django_db

FLENSBURG = (54.78805, 9.43722)
SONDERBORG = (54.90896, 9.78917)
AABENRAA = (55.04434, 9.41741)


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        ("Flensburg", "DE", FLENSBURG),
        ("Flensborg", "DE", FLENSBURG),  # its Danish name
        ("  flensburg ", "DE", FLENSBURG),
        ("Sønderborg", "DK", SONDERBORG),
        ("Sonderborg", "DK", SONDERBORG),
        ("Sonderburg", "DK", SONDERBORG),  # its German name
        ("Aabenraa", "DK", AABENRAA),
        ("Åbenrå", "DK", AABENRAA),
        ("Apenrade", "DK", AABENRAA),
    ],
)
def test_a_city_is_found_however_it_is_spelt(city, country, expected):
    place = find(city, country)
    assert (place.latitude, place.longitude) == expected


@pytest.mark.parametrize(
    ("city", "country"), [("Flensburg", "DK"), ("Atlantis", "DE"), ("", "DE"), ("Kiel", "")]
)
def test_an_unknown_city_or_the_wrong_country_finds_nothing(city, country):
    assert find(city, country) is None


def test_of_two_places_of_one_name_the_larger(db):
    assert find("Husum", "DE").latitude == pytest.approx(54.4858)  # not the one near Hanover


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy")]


def form(tags, **changes):
    return RegistrationForm(data=valid_data(tags, **changes))


def test_a_point_set_on_the_map_is_kept(tags):
    registration = form(tags, latitude="54.8", longitude="9.5")
    assert registration.is_valid(), registration.errors
    assert (registration.cleaned_data["latitude"], registration.cleaned_data["longitude"]) == (
        54.8,
        9.5,
    )


def test_left_empty_the_location_is_the_citys(tags):
    registration = form(tags, city="Aabenraa", country="DK", latitude="", longitude="")
    assert registration.is_valid(), registration.errors
    assert (registration.cleaned_data["latitude"], registration.cleaned_data["longitude"]) == (
        AABENRAA
    )


def test_a_city_not_on_the_list_leaves_the_cluster_off_the_map(tags):
    registration = form(tags, city="Atlantis")
    assert registration.is_valid(), registration.errors
    assert registration.cleaned_data["latitude"] is None


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "message"),
    [
        ("91", "9", "latitude", "A latitude is between -90 and 90 degrees."),
        ("-90.5", "9", "latitude", "A latitude is between -90 and 90 degrees."),
        ("54", "181", "longitude", "A longitude is between -180 and 180 degrees."),
        ("north", "9", "latitude", "Enter the latitude as a number of degrees, e.g. 54.7752."),
        ("54", "", "longitude", "Give both latitude and longitude, or leave both empty."),
        ("", "9", "latitude", "Give both latitude and longitude, or leave both empty."),
    ],
)
def test_a_wrong_location_is_told_at_its_field(tags, latitude, longitude, field, message):
    registration = form(tags, latitude=latitude, longitude=longitude)
    assert not registration.is_valid()
    assert registration.errors[field] == [message]


def test_the_registered_location_reaches_the_draft_page(client, cluster_index, tags):
    html = client.get(register_url(cluster_index)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("input[name=latitude]")["type"] == "number"

    response = client.post(
        register_url(cluster_index), valid_data(tags, latitude="54.8", longitude="9.5")
    )
    assert response.status_code == 303
    assert (ClusterRegistration.objects.get().latitude, ClusterPage.objects.get().longitude) == (
        54.8,
        9.5,
    )


def test_a_registration_without_a_location_is_placed_at_its_city(client, cluster_index, tags):
    client.post(register_url(cluster_index), valid_data(tags))  # Flensburg
    page = ClusterPage.objects.get()
    assert (page.latitude, page.longitude) == FLENSBURG

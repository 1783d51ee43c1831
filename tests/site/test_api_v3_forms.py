"""Matchpoint's forms on the API v3: a front end registers clusters and writes to them with
the same checks as the site's pages, and bad input is a clear 4xx with nothing stored."""

import base64
import io
import json

import pytest
from django.core import mail
from PIL import Image
from wagtail.models import Page

from clusterdirectory.models import ClusterPage, ClusterRegistration, ContactRequest
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory

REGISTRATIONS = "/api/v3/cluster-registrations/"
CONTACT = "/api/v3/contact-requests/"


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy"), IndustryTagFactory(name="Aluminium")]


@pytest.fixture
def danish_index(cluster_index, locales):
    """The directory in Danish (and German, where the registration is shown too)."""
    translate_page(cluster_index, locales["de"])
    return translate_page(cluster_index, locales["da"])


def registration(**changes):
    data = {
        "locale": "da",
        "name": "Brintklynge Sønderjylland",
        "street": "Alsion 2",
        "postcode": "6400",
        "city": "Sønderborg",
        "country": "DK",
        "website": "https://brint.example",
        "contact_name": "Mette Holm",
        "contact_title": "Direktør",
        "contact_email": "mette@brint.example",
        "contact_phone": "74 62 11 80",
        "founded_year": 2019,
        "members_count": 31,
        "industries": ["wind-energy"],
        "focus_areas": "Hydrogen, Power-to-X",
        "consent": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(url, data, multipart=False, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            if multipart:  # the test client's own encoding and boundary
                return client.post(url, data, **extra)
            return client.post(url, json.dumps(data), content_type="application/json", **extra)

    return post


def png(width=300, height=150):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_danish_registration_goes_to_moderation_in_every_language(
    post, danish_index, tags, moderator
):
    logo = "data:image/png;base64," + base64.b64encode(png()).decode()
    response = post(REGISTRATIONS, registration(logo_base64=logo))
    assert response.status_code == 201, response.content
    stored = ClusterRegistration.objects.get()
    assert response.json() == {"id": stored.pk, "status": stored.status}
    assert (stored.language_code, stored.contact_phone) == ("da", "+45 74 62 11 80")
    assert stored.logo is not None and stored.logo.width == 300
    page = stored.page
    assert page.locale.language_code == "da" and not page.live
    # A draft in the other languages too, and the moderators are told.
    assert ClusterPage.objects.filter(translation_key=page.translation_key).count() == 3
    [notice] = [m for m in mail.outbox if m.subject.startswith("New cluster registration")]
    assert notice.to == [moderator.email]
    assert f"/admin/pages/{page.pk}/edit/" in notice.body


def test_a_registration_with_the_logo_as_a_file(post, danish_index, tags):
    data = {**registration(), "industries": ["wind-energy", "aluminium"], "consent": "true"}
    data["logo_file"] = io.BytesIO(png())
    data["logo_file"].name = "logo.png"
    response = post(REGISTRATIONS, data, multipart=True)
    assert response.status_code == 201, response.content
    stored = ClusterRegistration.objects.get()
    assert sorted(tag.slug for tag in stored.industries.all()) == ["aluminium", "wind-energy"]
    assert stored.logo.width == 300


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"contact_phone": "abc"}, "contact_phone", "internationalt format"),
        ({"consent": False}, "consent", "Giv dit samtykke"),
        ({"industries": ["nuclear"]}, "industries", "nuclear"),
        ({"name": None}, "name", "Dette felt er påkrævet."),
        ({"founded_year": "nineteen"}, "founded_year", "Indtast en gyldig værdi."),
        ({"industries": "wind-energy"}, "industries", "Indtast en gyldig værdi."),
        ({"colour": "red"}, "colour", "Dette felt er ukendt."),
        ({"logo_base64": "%%%"}, "logo_base64", "Dette er ikke base64."),
        ({"logo_base64": base64.b64encode(b"no image").decode()}, "logo_file", "billede"),
    ],
)
def test_bad_registrations_are_explained_in_their_language(
    post, danish_index, tags, changes, field, message
):
    response = post(REGISTRATIONS, registration(**changes))
    assert response.status_code == 400, response.content
    data = response.json()
    assert data["message"] == "Formularen har fejl."
    assert message in " ".join(data["errors"][field])
    assert not ClusterRegistration.objects.exists()


def test_messages_follow_accept_language_without_a_locale(post, cluster_index, tags):
    response = post(REGISTRATIONS, registration(locale=None), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404  # no German directory: said in German
    assert response.json() == {"message": "Es gibt kein Clusterverzeichnis in dieser Sprache."}
    response = post(REGISTRATIONS, registration(locale="en", name=None))
    assert response.json()["errors"] == {"name": ["This field is required."]}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ('"text"', "application/json", 400),
        ("name=x", "application/x-www-form-urlencoded", 415),
        ("name=x", "text/plain", 415),
        ("\xff\xfe", "application/json", 400),
    ],
)
def test_malformed_bodies_are_refused_with_a_message(
    client, cluster_index, body, content_type, status
):
    for url in (REGISTRATIONS, CONTACT):
        response = client.post(url, body, content_type=content_type)
        assert response.status_code == status, response.content
        assert response.json()["message"]
    assert not ClusterRegistration.objects.exists() and not ContactRequest.objects.exists()


def test_a_body_over_a_megabyte_is_refused(client, cluster_index):
    body = json.dumps(registration(description="x" * (1024 * 1024)))
    response = client.post(REGISTRATIONS, body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["message"] == "The body is larger than 1024 KB."


def test_a_filled_honeypot_stores_nothing(post, danish_index, tags):
    response = post(REGISTRATIONS, registration(fax="buy now"))
    assert response.status_code == 201
    assert response.json() == {"id": None, "status": "received"}
    assert not ClusterRegistration.objects.exists()


def test_the_rate_limit_is_shared_with_the_site(post, danish_index, tags, settings):
    settings.CLUSTERDIRECTORY = {**getattr(settings, "CLUSTERDIRECTORY", {})}
    settings.CLUSTERDIRECTORY["REGISTRATION_RATE_LIMIT"] = "1/h"
    assert post(REGISTRATIONS, registration()).status_code == 201
    response = post(REGISTRATIONS, registration(name="Second"))
    assert response.status_code == 429
    assert "prøv igen senere" in response.json()["message"]
    assert ClusterRegistration.objects.count() == 1


@pytest.fixture
def cluster(cluster_index):
    return ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        country="DE",
        contact_name="Axel Wiese",
        contact_email="axel@cewind.example",
    )


def message(page, **changes):
    data = {
        "cluster": page.pk,
        "name": "Jens Hansen",
        "organisation": "Danfoss",
        "email": "jens@danfoss.example",
        "message": "Shall we apply together?",
        "consent": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_message_is_stored_then_relayed(post, cluster):
    response = post(CONTACT, message(cluster))
    assert response.status_code == 201, response.content
    stored = ContactRequest.objects.get()
    assert response.json() == {"id": stored.pk, "status": "received"}
    assert stored.cluster_id == cluster.pk
    [relayed] = mail.outbox
    assert relayed.to == ["axel@cewind.example"] and "Shall we apply together?" in relayed.body


def test_a_message_in_german_is_checked_in_german(post, cluster, locales):
    german = translate_page(cluster, locales["de"])
    response = post(CONTACT, message(german, locale="de", email="jens@"))
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "email": ["Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com."]
    }
    assert not ContactRequest.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("which", ["unknown", "unpublished", "not a cluster"])
def test_a_message_to_no_cluster_is_a_404(post, cluster, which):
    target = {"unknown": 99999999, "unpublished": cluster.pk, "not a cluster": 1}[which]
    if which == "unpublished":
        cluster.unpublish()
    response = post(CONTACT, message(cluster, cluster=target))
    assert response.status_code == 404
    assert response.json() == {"message": "This cluster takes no messages here."}
    assert Page.objects.filter(pk=1).exists()
    assert not ContactRequest.objects.exists()


def multipart_registration():
    return {**registration(), "consent": "true"}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_another_site_cannot_make_its_visitors_register(post, danish_index, tags, headers):
    """The attacker's page posts a multipart form (no CORS preflight, no CSRF token)."""
    response = post(REGISTRATIONS, multipart_registration(), multipart=True, **headers)
    assert response.status_code == 403
    assert "other sites" in response.json()["message"]
    assert not ClusterRegistration.objects.exists()
    # A message to a cluster is refused the same way, whatever its content type.
    response = post(CONTACT, {}, multipart=True, **headers)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a program: curl, a generated client
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "https://front.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_programs_the_site_itself_and_allowed_front_ends_still_register(
    post, danish_index, tags, settings, headers
):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    response = post(REGISTRATIONS, multipart_registration(), multipart=True, **headers)
    assert response.status_code == 201, response.content

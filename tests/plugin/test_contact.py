"""Contact this cluster: the form on a cluster profile that stores a message and relays it by
e-mail, so the contact person's address need not be published.

Host-agnostic like the rest of ``tests/plugin``: passes in the InTra-Net site and in
``tests.plugin_site.settings``.
"""

import logging
import socket
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from clusterdirectory.contact.views import contact
from clusterdirectory.models import ContactRequest
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory

CONTACT_EMAIL = "wiese@cewind.example"
VALID = {
    "name": "Ada Lovelace",
    "organisation": "Analytical Engines ApS",
    "email": "ada@engines.example",
    "message": "We look for a partner in offshore wind.\nCan we talk next week?",
    "consent": "on",
}
MESSAGE = {**VALID, "consent": True}  # as stored


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cluster(cluster_index):
    return ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        slug="cewind",
        country="DE",
        contact_name="Axel Wiese",
        contact_email=CONTACT_EMAIL,
    )


@pytest.fixture
def contact_url(cluster):
    return cluster.url + "contact/"


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST as a browser would, running what waits for the commit (the relay)."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def form_values(response):
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.public-form")
    values = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    # Browsers drop the newline Django puts after <textarea>; html.parser keeps it.
    values["message"] = form.select_one("textarea[name=message]").get_text().removeprefix("\n")
    values["consent"] = form.select_one("input[name=consent]").has_attr("checked")
    return values


def assert_nothing_stored_or_sent():
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


# -- The form ---------------------------------------------------------------------------------


def test_form_renders_with_consent_and_a_way_back(client, cluster, contact_url):
    response = client.get(contact_url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text(strip=True).startswith("Contact CEwind")
    assert soup.h1.get_text(strip=True) == "Contact CEwind"
    assert soup.select_one(f'main a[href="{cluster.url}"]')
    names = [field["name"] for field in soup.select("form.public-form [name]")]
    assert names[1:6] == ["name", "organisation", "email", "message", "consent"]
    consent = soup.select_one("label[for=id_consent]").get_text(" ", strip=True)
    assert consent.startswith("I agree that my message and contact data are stored")
    assert "Privacy policy" not in consent  # no privacy page chosen
    assert CONTACT_EMAIL not in response.content.decode()


def test_consent_label_links_to_the_privacy_page(client, root_page, cluster_index, contact_url):
    privacy = root_page.add_child(instance=Page(title="Privacy", slug="privacy"))
    cluster_index.privacy_page = privacy
    cluster_index.save_revision().publish()
    soup = BeautifulSoup(client.get(contact_url).content, "html.parser")
    link = soup.select_one("label[for=id_consent] a")
    assert (link["href"], link.get_text()) == (privacy.url, "Privacy policy")


TOO_LONG = "Please use at most {} characters (you typed {})."


@pytest.mark.parametrize(
    "changes, field, error",
    [
        ({"name": ""}, "name", "Please enter your name."),
        ({"name": "   "}, "name", "Please enter your name."),
        ({"organisation": ""}, "organisation", "Please enter your organisation."),
        ({"email": ""}, "email", "Please enter your e-mail address, so the cluster can answer."),
        ({"message": ""}, "message", "Please write your message."),
        ({"consent": None}, "consent", "Please agree, or we cannot forward your message"),
        ({"email": "ada-at-engines"}, "email", "Please enter a valid e-mail address"),
        ({"email": "ada@engines.example\nBcc: x@y.example"}, "email", "valid e-mail address"),
        ({"name": "A" * 256}, "name", TOO_LONG.format(255, 256)),
        ({"organisation": "O" * 256}, "organisation", TOO_LONG.format(255, 256)),
        ({"email": "a" * 250 + "@x.example"}, "email", TOO_LONG.format(254, 260)),
        ({"message": "M" * 5001}, "message", TOO_LONG.format(5000, 5001)),
        ({"name": "Ada\r\nBcc: spam@example.com"}, "name", "Please write this on one line."),
        ({"organisation": "Engines\nInc"}, "organisation", "Please write this on one line."),
    ],
)
def test_invalid_input_is_shown_again_and_nothing_is_stored(
    send, contact_url, changes, field, error
):
    data = {key: value for key, value in {**VALID, **changes}.items() if value is not None}
    response = send(contact_url, data)

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#form-errors")
    messages = soup.select_one(f"#id_{field}_error").get_text(" ", strip=True)
    assert error in messages
    typed = form_values(response)
    for name, value in data.items():
        if name == "consent":
            assert typed["consent"]
        elif name != field:
            assert typed[name] == value
    assert_nothing_stored_or_sent()


def test_limits_are_announced_to_the_browser(client, contact_url):
    soup = BeautifulSoup(client.get(contact_url).content, "html.parser")
    assert soup.select_one("[name=name]")["maxlength"] == "255"
    assert soup.select_one("[name=email]")["type"] == "email"
    assert soup.select_one("[name=message]")["maxlength"] == "5000"


def test_valid_message_is_stored_once_and_relayed(send, client, cluster, contact_url):
    Site.objects.update(site_name="InTra-Net")
    response = send(contact_url, VALID)

    assert response.status_code == 303
    assert response["Location"] == contact_url + "thanks/"
    request = ContactRequest.objects.get()
    assert request.cluster_id == cluster.pk
    assert (request.name, request.organisation, request.email) == (
        "Ada Lovelace",
        "Analytical Engines ApS",
        "ada@engines.example",
    )
    assert request.message == VALID["message"]
    assert request.consent
    assert request.language_code == "en"
    assert request.relayed_at is not None
    assert (request.relay_attempts, request.relay_error) == (1, "")

    [message] = mail.outbox
    assert message.to == [CONTACT_EMAIL]
    assert message.reply_to == ["ada@engines.example"]
    assert message.subject == "[InTra-Net] Message from Ada Lovelace (Analytical Engines ApS)"
    assert VALID["message"] in message.body
    assert cluster.full_url in message.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    soup = BeautifulSoup(thanks.content, "html.parser")
    assert "forwarded to CEwind" in soup.main.get_text(" ", strip=True)
    assert "answer you by e-mail" in soup.main.get_text(" ", strip=True)
    assert soup.select_one(f'main a[href="{cluster.url}"]')


HOSTILE = '<script>alert("x")</script><b>bold</b>'


def test_markup_is_escaped_in_the_form_and_kept_as_text_in_the_mail(send, contact_url):
    invalid = send(contact_url, {**VALID, "name": HOSTILE, "message": HOSTILE, "consent": ""})
    html = invalid.content.decode()
    assert invalid.status_code == 400
    assert "<script>" not in html and "<b>bold" not in html
    assert form_values(invalid)["message"] == HOSTILE  # escaped in the page, intact in the form

    send(contact_url, {**VALID, "name": "<b>Ada</b>", "message": HOSTILE})
    [message] = mail.outbox
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", None)
    assert HOSTILE in message.body  # verbatim: plain text, nothing to render
    assert "&lt;" not in message.body
    assert "Message from <b>Ada</b>" in message.subject


def test_thank_you_page_does_not_echo_the_message(send, client, contact_url):
    response = send(contact_url, {**VALID, "message": HOSTILE})
    assert HOSTILE not in client.get(response["Location"]).content.decode()


# -- Spam and abuse ---------------------------------------------------------------------------


def test_honeypot_gets_the_thanks_page_but_nothing_is_stored(send, contact_url):
    response = send(contact_url, {**VALID, "fax": "+1 555 0100"})
    assert response.status_code == 303
    assert response["Location"] == contact_url + "thanks/"
    assert_nothing_stored_or_sent()


def test_honeypot_is_hidden_from_people(client, contact_url):
    soup = BeautifulSoup(client.get(contact_url).content, "html.parser")
    assert soup.select_one("[name=fax]").find_parent(class_="hp")["aria-hidden"] == "true"


def test_sixth_message_within_the_hour_is_refused(send, contact_url):
    for _ in range(5):
        assert send(contact_url, VALID).status_code == 303
    response = send(contact_url, VALID)

    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert form_values(response)["message"] == VALID["message"]
    assert ContactRequest.objects.count() == 5
    assert len(mail.outbox) == 5
    # Another network is not affected.
    assert send(contact_url, VALID, REMOTE_ADDR="192.0.2.7").status_code == 303
    assert ContactRequest.objects.count() == 6


def test_refused_messages_count_towards_the_limit_too(settings, send, contact_url):
    """Else a script could post refused forms without end (security test of 7 December)."""
    settings.CLUSTERDIRECTORY = {"CONTACT_RATE_LIMIT": "3/h"}
    for _ in range(3):
        assert send(contact_url, {**VALID, "email": "wrong"}).status_code == 400
    response = send(contact_url, VALID)
    assert response.status_code == 429
    assert 'value="Ada Lovelace"' in response.content.decode()  # nothing typed is lost
    assert ContactRequest.objects.count() == 0


def test_rate_limit_is_shared_by_all_clusters(settings, send, cluster_index, contact_url):
    settings.CLUSTERDIRECTORY = {"CONTACT_RATE_LIMIT": "1/h"}
    other = ClusterPageFactory(parent=cluster_index, contact_email="info@other.example")
    assert send(contact_url, VALID).status_code == 303
    assert send(other.url + "contact/", VALID).status_code == 429


def test_post_without_csrf_token_is_refused(cluster, contact_url):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(contact_url, VALID).status_code == 403
    assert_nothing_stored_or_sent()

    soup = BeautifulSoup(browser.get(contact_url).content, "html.parser")
    token = soup.select_one("[name=csrfmiddlewaretoken]")["value"]
    response = browser.post(contact_url, {**VALID, "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert ContactRequest.objects.count() == 1


# -- Mail failure -----------------------------------------------------------------------------


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mail_failure_keeps_the_message_and_a_command_sends_it_later(
    settings, send, caplog, contact_url
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 5
    with caplog.at_level(logging.ERROR, logger="clusterdirectory.contact.relay"):
        response = send(contact_url, VALID)

    assert response.status_code == 303
    assert response["Location"] == contact_url + "thanks/"
    request = ContactRequest.objects.get()
    assert request.relayed_at is None
    assert request.relay_attempts == 1
    assert "ConnectionRefusedError" in request.relay_error
    [record] = caplog.records
    assert record.exc_info and f"contact request {request.pk}" in record.getMessage()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("send_pending_mail", stdout=out)

    assert "Contact requests: 1 sent, 0 failed." in out.getvalue()
    request.refresh_from_db()
    assert request.relayed_at is not None
    assert (request.relay_attempts, request.relay_error) == (2, "")
    [message] = mail.outbox
    assert (message.to, message.reply_to) == ([CONTACT_EMAIL], ["ada@engines.example"])


def test_command_retries_only_what_can_and_must_be_sent(cluster, cluster_index):
    pending = ContactRequest.objects.create(cluster=cluster, language_code="en", **MESSAGE)
    ContactRequest.objects.create(
        cluster=cluster, language_code="en", relayed_at="2030-01-01T00:00Z", **MESSAGE
    )
    silent = ClusterPageFactory(parent=cluster_index, contact_email="")
    ContactRequest.objects.create(cluster=silent, language_code="en", **MESSAGE)
    out = StringIO()
    call_command("send_pending_mail", stdout=out)

    assert "Contact requests: 1 sent, 0 failed." in out.getvalue()
    assert [message.to for message in mail.outbox] == [[CONTACT_EMAIL]]
    pending.refresh_from_db()
    assert pending.relayed_at is not None


def test_command_reports_failures(settings, cluster):
    ContactRequest.objects.create(cluster=cluster, language_code="en", **MESSAGE)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    out = StringIO()
    call_command("send_pending_mail", stdout=out)
    assert "Contact requests: 0 sent, 1 failed." in out.getvalue()
    assert ContactRequest.objects.get().relay_attempts == 1


def test_retried_mail_is_written_in_the_visitors_language(cluster):
    request = ContactRequest.objects.create(cluster=cluster, language_code="de", **MESSAGE)
    call_command("send_pending_mail", stdout=StringIO())
    with translation.override("de"):
        expected = gettext("Reply to this e-mail to answer %(name)s directly.") % {
            "name": request.name
        }
    assert expected in mail.outbox[0].body


# -- Where the form is offered ----------------------------------------------------------------


def test_no_contact_form_without_a_contact_email(send, client, cluster_index):
    silent = ClusterPageFactory(parent=cluster_index, contact_email="")
    assert client.get(silent.url + "contact/").status_code == 404
    assert send(silent.url + "contact/", VALID).status_code == 404
    assert client.get(silent.url + "contact/thanks/").status_code == 404
    assert_nothing_stored_or_sent()


def test_no_contact_form_for_an_unpublished_cluster(send, client, cluster, contact_url):
    cluster.unpublish()
    assert client.get(contact_url).status_code == 404
    assert send(contact_url, VALID).status_code == 404
    assert_nothing_stored_or_sent()


def test_editors_preview_the_form_of_a_draft(rf, cluster):
    cluster.unpublish()
    request = rf.get("/")
    request.user = AnonymousUser()
    request.is_preview = True
    assert contact(request, cluster).render().status_code == 200


def test_profile_hides_the_email_unless_editors_show_it(client, cluster, contact_url):
    html = client.get(cluster.url).content.decode()
    assert CONTACT_EMAIL not in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(f'a[href="{contact_url}"]').get_text() == "Contact this cluster"

    cluster.show_contact_email = True
    cluster.save_revision().publish()
    soup = BeautifulSoup(client.get(cluster.url).content, "html.parser")
    assert soup.select_one(f'a[href="mailto:{CONTACT_EMAIL}"]')
    assert soup.select_one(f'a[href="{contact_url}"]')


def test_profile_without_contact_email_offers_no_form(client, cluster_index):
    silent = ClusterPageFactory(parent=cluster_index, contact_name="Jo", contact_email="")
    html = client.get(silent.url).content.decode()
    assert "Jo" in html
    assert "contact/" not in html


def network(page, request):
    """The site's fallback for clusters without a contact (``CONTACT_FALLBACK``)."""
    return ("InTra-Net office", "office@intra-net.example")


@pytest.fixture
def with_network_contact(settings):
    settings.CLUSTERDIRECTORY = {"CONTACT_FALLBACK": "tests.plugin.test_contact.network"}


@pytest.mark.usefixtures("with_network_contact")
def test_a_cluster_without_contact_is_reached_through_the_network(send, client, cluster_index):
    silent = ClusterPageFactory(parent=cluster_index, title="Silent Cluster", contact_email="")
    soup = BeautifulSoup(client.get(silent.url).content, "html.parser")
    assert soup.select_one(f'a[href="{silent.url}contact/"]').get_text() == "Contact this cluster"
    note = soup.select_one(".cluster__contact-note").get_text(" ", strip=True)
    assert note == (
        "No contact person is named on this profile yet: your message goes to "
        "InTra-Net office, who passes it on."
    )
    form = client.get(silent.url + "contact/").content.decode()
    assert "Silent Cluster has no contact person on this site yet." in form

    response = send(silent.url + "contact/", VALID)

    assert response.status_code == 303
    thanks = client.get(response["Location"]).content.decode()
    assert "forwarded to InTra-Net office, who passes it on to Silent Cluster" in thanks
    [message] = mail.outbox
    assert message.to == ["office@intra-net.example"]
    assert message.reply_to == [VALID["email"]]
    assert message.body.startswith("Silent Cluster has no contact person on the site, so this")
    assert VALID["message"] in message.body


@pytest.mark.usefixtures("with_network_contact")
def test_the_command_relays_waiting_messages_of_clusters_without_contact(cluster_index):
    silent = ClusterPageFactory(parent=cluster_index, contact_email="")
    ContactRequest.objects.create(cluster=silent, language_code="en", **MESSAGE)
    out = StringIO()
    call_command("send_pending_mail", stdout=out)
    assert "Contact requests: 1 sent, 0 failed." in out.getvalue()
    assert [message.to for message in mail.outbox] == [["office@intra-net.example"]]


# -- Languages --------------------------------------------------------------------------------


def test_german_contact_form(send, client, cluster, locales):
    german = translate_page(cluster, locales["de"])
    url = german.url + "contact/"
    assert url.startswith("/de/")

    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    with translation.override("de"):
        label = gettext("Your name")
    assert soup.select_one("label[for=id_name]").get_text(strip=True) == label

    response = send(url, VALID)
    assert response.status_code == 303
    assert response["Location"] == url + "thanks/"
    request = ContactRequest.objects.get()
    assert (request.cluster_id, request.language_code) == (german.pk, "de")
    assert mail.outbox[0].to == [CONTACT_EMAIL]
    assert client.get(response["Location"]).status_code == 200

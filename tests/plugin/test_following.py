"""Visitors follow industries and countries: double opt-in, weekly digests in their language
with a one-click unsubscribe, personal data handled as the rest."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from clusterdirectory.following import digest as digests
from clusterdirectory.following.digest import send_digests
from clusterdirectory.models import (
    DeliveryStatus,
    DigestDelivery,
    EventPage,
    IndustryTagName,
    Subscription,
)
from clusterdirectory.privacy import erase_personal_data, export_personal_data, purge_expired
from tests.conftest import translate_page
from tests.factories import (
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
)

pytestmark = pytest.mark.django_db

PERSON = "Follower@Example.org"


@pytest.fixture
def wind(locales):
    tag = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    source = IndustryTagName.objects.get(tag=tag, locale=locales["en"])
    german = source.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    return tag


@pytest.fixture
def food(locales):
    return IndustryTagFactory(name="Food", slug="food")


@pytest.fixture
def german_index(cluster_index, locales):
    return translate_page(cluster_index, locales["de"])


def follow(client, index, **data):
    values = {"email": PERSON, "consent": "on", "fax": "", **data}
    return client.post(index.url + "follow/", values)


def link_in(message, kind):
    return re.search(rf"https?://\S+/follow/{kind}/[\w-]+/", message.body).group(0)


def confirmed_follower(client, index, **data):
    follow(client, index, **data)
    client.get(link_in(mail.outbox[-1], "confirm"))
    return Subscription.objects.get(email=data.get("email", PERSON).lower())


def test_the_index_links_the_form_filled_with_its_filter(client, cluster_index, wind):
    body = client.get(cluster_index.url + "?tag=wind-energy&country=DE").content.decode()
    assert f'href="{cluster_index.url}follow/?tag=wind-energy&amp;country=DE"' in body
    form = client.get(cluster_index.url + "follow/?tag=wind-energy&country=de").context["form"]
    assert form.initial == {"industries": ["wind-energy"], "countries": ["DE"]}


def test_nothing_is_sent_before_the_address_is_confirmed(client, german_index, wind):
    with translation.override("de"):
        response = follow(client, german_index, industries=["wind-energy"], countries=["DE"])

    assert response.status_code == 303
    assert response["Location"] == german_index.url + "follow/sent/"
    [message] = mail.outbox
    assert message.to == [PERSON.lower()]
    assert message.subject == "Bitte bestätigen Sie, dass Sie diesen Branchen folgen"
    assert "Branchen: Windenergie\n" in message.body
    assert "Länder: Deutschland\n" in message.body  # names, not a list's repr
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert list(subscription.industries.all()) == []  # the choices wait for the confirmation
    assert send_digests() == (0, 0)

    with translation.override("de"):
        response = client.get(link_in(message, "confirm"))
    assert response.status_code == 200
    assert "Windenergie" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert (subscription.language_code, subscription.countries) == ("de", ["DE"])
    assert list(subscription.industries.all()) == [wind]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"industries": ["no-such-industry"]}, "industries", "no industry called"),
        ({"countries": ["SE"]}, "countries", "no country called"),
        ({"consent": ""}, "consent", "Please agree"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, cluster_index, wind, data, field, message):
    response = follow(client, cluster_index, **data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_one_address_gets_a_few_confirmations_a_day(client, cluster_index, settings):
    settings.CLUSTERDIRECTORY = {"FOLLOW_RATE_LIMIT": "100/h"}
    for _ in range(3):
        assert follow(client, cluster_index).status_code == 303
    response = follow(client, cluster_index)
    assert response.status_code == 429
    assert "several confirmation e-mails" in response.content.decode()
    assert len(mail.outbox) == 3


def test_a_network_subscribes_a_few_times_an_hour(client, cluster_index):
    for n in range(5):
        assert follow(client, cluster_index, email=f"p{n}@example.org").status_code == 303
    response = follow(client, cluster_index, email="p6@example.org")
    assert response.status_code == 429
    assert len(mail.outbox) == 5


def test_the_honeypot_stores_and_sends_nothing(client, cluster_index):
    assert follow(client, cluster_index, fax="bot").status_code == 303
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_csrf_is_required(cluster_index):
    assert follow(Client(enforce_csrf_checks=True), cluster_index).status_code == 403


@pytest.mark.parametrize("token", ["abc", "TVE6MXZUMGFCOmZvcmdlZC1zaWduYXR1cmU"])
def test_a_forged_confirmation_is_a_clear_bad_request(client, cluster_index, token):
    response = client.get(f"{cluster_index.url}follow/confirm/{token}/")
    assert response.status_code == 400
    assert "Please copy the whole link" in response.content.decode()


def test_an_old_confirmation_link_has_expired(client, cluster_index, settings):
    follow(client, cluster_index)
    settings.CLUSTERDIRECTORY = {"FOLLOW_CONFIRM_MAX_AGE": -1}
    response = client.get(link_in(mail.outbox[0], "confirm"))
    assert response.status_code == 410
    assert Subscription.objects.get().confirmed_at is None


def test_the_digest_names_what_is_new_in_the_followers_language(
    client, german_index, wind, food, locales, monkeypatch
):
    with translation.override("de"):
        subscription = confirmed_follower(client, german_index, industries=["wind-energy"])
    mail.outbox.clear()
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=1)
    subscription.save()

    new_wind = ClusterPageFactory(parent=german_index, title="Neuer Windcluster", country="DE")
    new_wind.industries.add(wind)
    new_wind.save_revision().publish()
    ClusterPageFactory(parent=german_index, title="Food only", industries=[food])
    events = EventIndexPageFactory(parent=german_index.get_parent(), slug="veranstaltungen")
    soon = EventPageFactory(
        parent=events,
        title="Offshore-Workshop",
        starts_at=timezone.now() + datetime.timedelta(days=10),
        ends_at=timezone.now() + datetime.timedelta(days=10, hours=3),
    )
    soon.industries.add(wind)
    soon.save_revision().publish()

    looked_up = []
    find = digests.digest_items
    monkeypatch.setattr(digests, "digest_items", lambda *a: looked_up.append(1) or find(*a))
    assert send_digests() == (1, 0)
    assert len(looked_up) == 1  # what is new is found once, to decide and to send

    [digest] = mail.outbox
    assert digest.to == [PERSON.lower()]
    assert digest.subject == "Neues aus dem Cluster-Netzwerk"
    assert "Neuer Windcluster" in digest.body and "Offshore-Workshop" in digest.body
    assert "Food only" not in digest.body
    assert "Windenergie" in digest.body
    unsubscribe = link_in(digest, "unsubscribe")
    assert digest.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Daily from cron: nothing twice, nothing before the week is over.
    assert send_digests() == (0, 0)
    assert send_digests(now=timezone.now() + datetime.timedelta(days=3)) == (0, 0)
    assert len(mail.outbox) == 1


def test_one_click_unsubscribes_and_erases(client, cluster_index, wind):
    subscription = confirmed_follower(client, cluster_index)
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=1)
    subscription.save()
    ClusterPageFactory(parent=cluster_index, title="New", industries=[wind])
    send_digests()
    url = link_in(mail.outbox[-1], "unsubscribe")

    # As a mail client does it (RFC 8058): a POST without any CSRF token.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not DigestDelivery.objects.exists()
    assert "no more digests" in client.get(url).content.decode()  # again: still a clear page


def test_opening_the_unsubscribe_link_only_asks(client, cluster_index, wind):
    """Mail scanners open the links of every message: a GET must not unsubscribe."""
    subscription = confirmed_follower(client, cluster_index)
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=1)
    subscription.save()
    ClusterPageFactory(parent=cluster_index, title="New", industries=[wind])
    send_digests()
    url = link_in(mail.outbox[-1], "unsubscribe")
    for method in (client.get, client.head):
        assert method(url).status_code == 200
    assert Subscription.objects.exists()
    page = client.get(url).content.decode()
    assert "Unsubscribe from the digests?" in page
    assert '<form method="post"' in page

    # The page's one button is a POST like a mail client's one-click.
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()


def test_a_digest_that_failed_is_retried_and_never_sent_twice(
    client, cluster_index, wind, settings
):
    subscription = confirmed_follower(client, cluster_index)
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=1)
    subscription.save()
    mail.outbox.clear()
    ClusterPageFactory(parent=cluster_index, title="New", industries=[wind])
    settings.EMAIL_BACKEND = "tests.plugin.test_profile_updates.FailingBackend"

    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "0 sent, 1 failed" in out.getvalue()
    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_digests() == (1, 0)
    assert send_digests() == (0, 0)
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_no_digest_when_nothing_is_new(client, cluster_index):
    subscription = confirmed_follower(client, cluster_index)
    mail.outbox.clear()
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=8)
    subscription.save()
    assert send_digests() == (0, 0)
    assert mail.outbox == []


def test_subscriptions_are_personal_data(client, cluster_index, wind, settings):
    confirmed_follower(client, cluster_index, industries=["wind-energy"])
    data = export_personal_data(PERSON)
    [exported] = data["subscriptions"]
    assert exported["industries"] == ["Wind energy"]
    json.dumps(data)
    assert erase_personal_data(PERSON)["subscriptions"] == 1
    assert not Subscription.objects.exists()

    follow(client, cluster_index, email="late@example.org")  # never confirmed
    Subscription.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert purge_expired()["subscriptions"] == 1
    assert not Subscription.objects.exists()


def test_follow_pages_are_never_kept_by_the_page_cache(client, cluster_index):
    for path in ("follow/", "follow/sent/"):
        response = client.get(cluster_index.url + path)
        assert "no-store" in response["Cache-Control"]
        assert "X-Cache" not in response


def test_staff_see_followers_per_industry_and_no_address(
    client, admin_client, cluster_index, wind, food, settings
):
    settings.CLUSTERDIRECTORY = {"FOLLOW_RATE_LIMIT": "100/h"}
    for n, industries in enumerate([["wind-energy"], ["wind-energy", "food"], []]):
        confirmed_follower(client, cluster_index, email=f"f{n}@example.org", industries=industries)
    follow(client, cluster_index, email="waiting@example.org")

    body = admin_client.get("/admin/").content.decode()

    panel = body[body.index("Followers per industry") :]
    assert re.search(r"Wind energy</td><td>2<", panel)
    assert re.search(r"Food</td><td>1<", panel)
    assert re.search(r"Every industry</td><td>1<", panel)
    assert "3 confirmed followers in all. 1 not confirmed yet." in panel
    assert "@example.org" not in body


def test_the_first_digest_has_every_upcoming_event_of_the_industry(client, cluster_index, wind):
    # Announced before the follower confirmed, and more than two weeks away: news to them.
    events = EventIndexPageFactory(parent=cluster_index.get_parent(), slug="events")
    later = EventPageFactory(
        parent=events,
        title="Offshore conference",
        starts_at=timezone.now() + datetime.timedelta(days=40),
        ends_at=timezone.now() + datetime.timedelta(days=40, hours=8),
    )
    later.industries.add(wind)
    later.save_revision().publish()
    announced = timezone.now() - datetime.timedelta(days=20)
    EventPage.objects.filter(pk=later.pk).update(
        first_published_at=announced, last_published_at=announced
    )
    subscription = confirmed_follower(client, cluster_index, industries=["wind-energy"])
    mail.outbox.clear()
    subscription.confirmed_at = timezone.now() - datetime.timedelta(days=10)
    subscription.save()

    assert send_digests(now=timezone.now() - datetime.timedelta(days=9)) == (1, 0)
    [digest] = mail.outbox
    assert "Offshore conference" in digest.body

    # Once told, it comes again only when it is near.
    mail.outbox.clear()
    ClusterPageFactory(parent=cluster_index, title="Another wind cluster", industries=[wind])
    assert send_digests() == (1, 0)
    [second] = mail.outbox
    assert "Another wind cluster" in second.body
    assert "Offshore conference" not in second.body

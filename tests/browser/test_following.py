"""A visitor follows wind energy on the German site, confirms, gets the next digest in German
with a newly approved wind cluster and an upcoming event, and unsubscribes with one click."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from clusterdirectory.models import ClusterIndexPage, IndustryTag, Subscription
from tests.browser.conftest import snap
from tests.factories import ClusterPageFactory, EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_visitor_follows_wind_energy_in_german(page, cluster_site):
    page.goto("/de/clusters/?tag=wind-energy")
    page.get_by_role("link", name="Diesen Branchen per E-Mail folgen").click()
    expect(page.get_by_role("checkbox", name="Windenergie")).to_be_checked()
    page.fill("#id_email", "leser@example.org")
    page.locator("#id_consent").check()
    snap(page, "follow form")
    page.get_by_role("button", name="Folgen").click()
    expect(page.locator("h1")).to_have_text("Bitte bestätigen")

    [confirmation] = mail.outbox
    assert confirmation.subject == "Bitte bestätigen Sie, dass Sie diesen Branchen folgen"
    link = re.search(r"http://\S+/follow/confirm/[\w-]+/", confirmation.body).group(0)
    page.goto(path_of(link))
    expect(page.locator("h1")).to_have_text("Sie folgen jetzt diesen Branchen")
    expect(page.locator("main")).to_contain_text("Windenergie")
    Subscription.objects.update(confirmed_at=timezone.now() - datetime.timedelta(hours=1))

    # A new wind cluster is approved and a workshop announced in German.
    german_index = ClusterIndexPage.objects.get(locale__language_code="de")
    wind = IndustryTag.objects.get(slug="wind-energy")
    ClusterPageFactory(parent=german_index, title="Neuer Windcluster", industries=[wind])
    events = EventIndexPageFactory(parent=german_index.get_parent(), slug="veranstaltungen")
    start = timezone.now() + datetime.timedelta(days=5)
    event = EventPageFactory(
        parent=events, title="Offshore-Werkstatt", starts_at=start, ends_at=start
    )
    event.industries.add(wind)
    event.save_revision().publish()
    call_command("send_digests")

    digest = mail.outbox[-1]
    assert digest.subject == "Neues aus dem Cluster-Netzwerk"
    assert "Neuer Windcluster" in digest.body and "Offshore-Werkstatt" in digest.body
    unsubscribe = re.search(r"http://\S+/follow/unsubscribe/[\w-]+/", digest.body).group(0)
    page.goto(path_of(unsubscribe))
    assert Subscription.objects.exists()  # opening the link only asks
    page.get_by_role("button", name="Abmelden").click()
    expect(page.locator("h1")).to_have_text("Abgemeldet")
    assert not Subscription.objects.exists()

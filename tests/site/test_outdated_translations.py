"""A translator into some languages sees her translations that are out of date, with what
changed in the source; after a sync, a changed segment keeps her previous translation to
check; the translate form offers her only her languages."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from staff.changed_segments import changed_segments
from staff.roles import TRANSLATORS_DE
from tests.site.test_dashboard import OUTDATED, dashboard, panel
from tests.site.test_translation_workflow import (
    create_in_admin,
    home,  # noqa: F401 (a fixture)
    publish_translation,
    translate_in_admin,
    translate_string,
)

pytestmark = pytest.mark.django_db

BEFORE = "Clusters on both sides of the border."
NOW = "Twenty clusters on both sides of the border."
GERMAN = "Cluster auf beiden Seiten der Grenze."


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user("uebersetzerin", "de@example.org", "pw")
    user.groups.add(Group.objects.get(name=TRANSLATORS_DE))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def about(admin_client, home, locales):  # noqa: F811
    """An English page translated into German (Danish shows it as an alias), then changed
    and published in English."""
    about = create_in_admin(admin_client, home, "About", BEFORE)
    translation = translate_in_admin(admin_client, about, locales["de"])
    translate_string(admin_client, translation, "About", "Über das Projekt")
    translate_string(admin_client, translation, BEFORE, GERMAN)
    publish_translation(admin_client, translation)
    about.introduction = NOW
    about.save_revision().publish()
    return about


def german(about, locales):
    return Translation.objects.get(
        source__object_id=about.translation_key, target_locale=locales["de"]
    )


def sync(client, translation, **data):
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    return client.post(url, data)


def test_the_translator_sees_her_page_out_of_date_and_what_changed(translator, about, locales):
    translation = german(about, locales)
    before_sync = panel(dashboard(translator), OUTDATED)
    assert "About" in before_sync
    assert "Sync to see the changes" in before_sync

    assert sync(translator, translation).status_code == 302

    after_sync = panel(dashboard(translator), OUTDATED)
    assert "Before: <del>Clusters on both sides of the border.</del>" in after_sync
    assert f"Now: <ins>{NOW}</ins>" in after_sync
    target = translation.get_target_instance()
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in after_sync


def test_her_translation_editor_says_the_source_changed_until_synced(translator, about, locales):
    translation = german(about, locales)
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    note = "The original (English) was changed after this translation was last synced with it"

    assert note in translator.get(edit_url).content.decode()
    sync(translator, translation)
    assert note not in translator.get(edit_url).content.decode()


def test_a_changed_segment_keeps_the_previous_translation_to_check(translator, about, locales):
    translation = german(about, locales)

    sync(translator, translation)

    segment = StringSegment.objects.get(source=translation.source, string__data=NOW)
    kept = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locales["de"]
    )
    assert kept.data == GERMAN
    assert kept.get_error() == (
        "Der Ausgangstext hat sich geändert. Dies ist die Übersetzung dessen, was er vorher "
        "sagte: „Clusters on both sides of the border.“. Prüfen Sie sie, ändern Sie sie bei "
        "Bedarf und speichern Sie sie."
    )
    # Nothing in Danish, which has no translation of its own.
    assert not StringTranslation.objects.filter(locale=locales["da"]).exists()
    # The translation editor offers it with the note.
    target = translation.get_target_instance()
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    props = json.loads(editor.context["props"])
    [offered] = [
        item for item in props["initialStringTranslations"] if item["segment_id"] == segment.pk
    ]
    assert offered["data"] == GERMAN and "was er vorher sagte" in offered["error"]

    # Saved by the translator, it is a translation again: nothing left out of date.
    translate_string(translator, translation, NOW, "Zwanzig " + GERMAN)
    assert not changed_segments([translation.source_id], locales["de"].pk).exists()
    assert "About" not in panel(dashboard(translator), OUTDATED)


def test_the_translator_may_sync_but_not_publish_other_languages(
    admin_client, translator, about, locales
):
    translate_in_admin(admin_client, about, locales["da"])
    translation = german(about, locales)

    response = sync(translator, translation, publish_translations="on")

    assert response.status_code == 302
    translation.source.refresh_from_db()
    assert not StringSegment.objects.filter(source=translation.source, string__data=NOW).exists()
    assert sync(translator, translation).status_code == 302
    assert StringSegment.objects.filter(source=translation.source, string__data=NOW).exists()


def test_the_translate_form_offers_only_her_languages(translator, admin_client, home, locales):  # noqa: F811
    page = create_in_admin(admin_client, home, "Contact", "Write to us.")

    response = translator.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))

    assert response.status_code == 200
    assert list(response.context["form"].fields["locales"].queryset) == [locales["de"]]
    assert 'name="locales"' in response.content.decode()

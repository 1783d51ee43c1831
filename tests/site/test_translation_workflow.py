"""Translating pages in wagtail-localize as editors do: synchronized trees (aliases), turning an
alias into a translation, syncing translations after the English page changed, PO files and
machine translation."""

import json
import os
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.settings.base import machine_translator
from home.demo.loader import DemoLoader
from home.models import HomePage, StandardPage
from tests.conftest import translate_page
from tests.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(locales):
    """An English home page as the site's root with its Danish and German translations."""
    home = HomePage(title="InTra-Net", slug="start")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=home, hostname="testserver")
    for code in ("da", "de"):
        translate_page(home, locales[code])
    return home


def create_in_admin(client, parent, title, introduction):
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk]),
        nested_form_data(
            {
                "title": title,
                "slug": title.lower(),
                "introduction": introduction,
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    return StandardPage.objects.get(slug=title.lower(), locale__language_code="en")


@pytest.fixture
def about(admin_client, home):
    return create_in_admin(admin_client, home, "About", "Clusters on both sides of the border.")


def translate_in_admin(client, page, locale):
    """The "Translate this page" button of an alias: the translation is created as a draft."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_string(client, translation, english, text):
    """What the translation editor sends when a translator saves one string."""
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def publish_translation(client, translation):
    target = translation.get_target_instance()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code == 302


def test_a_new_english_page_gets_aliases_in_danish_and_german(client, about, locales):
    aliases = StandardPage.objects.filter(translation_key=about.translation_key, alias_of=about)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == ["da", "de"]
    # Until translated, the Danish page shows the English text at its Danish address.
    response = client.get("/da/about/")
    assert response.status_code == 200
    assert "Clusters on both sides of the border." in response.content.decode()


def test_an_alias_becomes_a_translation(admin_client, client, about, locales):
    alias = about.get_translation(locales["da"])
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk]))
    assert "Translate this page" in edit.content.decode()

    translation = translate_in_admin(admin_client, about, locales["da"])
    alias.refresh_from_db()
    assert alias.alias_of_id is None
    translate_string(admin_client, translation, "About", "Om projektet")
    translate_string(
        admin_client,
        translation,
        "Clusters on both sides of the border.",
        "Klynger på begge sider af grænsen.",
    )
    publish_translation(admin_client, translation)

    html = client.get("/da/about/").content.decode()
    assert "Om projektet" in html
    assert "Klynger på begge sider af grænsen." in html
    # German is still an alias of the English page.
    assert about.get_translation(locales["de"]).alias_of_id == about.pk


def test_sync_translated_pages_after_the_english_page_changed(admin_client, client, about, locales):
    translation = translate_in_admin(admin_client, about, locales["da"])
    translate_string(admin_client, translation, "About", "Om projektet")
    publish_translation(admin_client, translation)

    about.introduction = "Twenty clusters on both sides of the border."
    about.save_revision().publish()
    edit_english = admin_client.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert update_url in edit_english.content.decode()  # the "Sync translated pages" action

    assert admin_client.get(update_url).status_code == 200
    assert admin_client.post(update_url, {}).status_code == 302
    new = "Twenty clusters on both sides of the border."
    assert StringSegment.objects.filter(source=translation.source, string__data=new).exists()
    danish = translation.get_target_instance()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[danish.pk]))
    assert new in editor.content.decode()

    translate_string(admin_client, translation, new, "Tyve klynger på begge sider af grænsen.")
    publish_translation(admin_client, translation)
    html = client.get("/da/about/").content.decode()
    assert "Tyve klynger på begge sider af grænsen." in html
    assert "Om projektet" in html


# PO files ---------------------------------------------------------------------------------------


@pytest.fixture
def danish(admin_client, about, locales):
    return translate_in_admin(admin_client, about, locales["da"])


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    code = translation.target_locale.language_code
    assert response["Content-Disposition"] == f"attachment; filename=about-{code}.po"
    return polib.pofile(response.content.decode())


def upload_po(client, translation, content, name="about-da.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    target = translation.get_target_instance()
    next_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, content), "next": next_url},
        follow=True,
    )


def last_message(response):
    return [str(message).strip() for message in response.context["messages"]][-1]


def test_po_file_download_and_upload(admin_client, client, danish):
    po = download_po(admin_client, danish)
    assert {entry.msgid for entry in po} == {
        "About",
        "about",  # the slug
        "Clusters on both sides of the border.",
    }
    assert all(entry.msgstr == "" for entry in po)
    texts = {
        "About": "Om projektet",
        "Clusters on both sides of the border.": "Klynger på begge sider af grænsen.",
    }
    for entry in po:
        entry.msgstr = texts.get(entry.msgid, "")

    response = upload_po(admin_client, danish, str(po).encode())
    assert last_message(response) == "Successfully imported translations from PO File."
    assert StringTranslation.objects.filter(locale=danish.target_locale).count() == 2

    publish_translation(admin_client, danish)
    html = client.get("/da/about/").content.decode()
    assert "Om projektet" in html
    assert "Klynger på begge sider af grænsen." in html


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Please upload a valid PO file."),
        (b"Dear translator,\nplease find attached", "Please upload a valid PO file."),
        (
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            b'msgid "About"\nmsgstr "Om"\n',
            "This PO file was not downloaded from a translation. Download it again.",
        ),
    ],
)
def test_an_upload_that_is_not_a_po_file_of_the_translation_is_refused(
    admin_client, danish, content, message
):
    response = upload_po(admin_client, danish, content)
    assert response.status_code == 200
    assert last_message(response) == message
    assert not StringTranslation.objects.filter(locale=danish.target_locale).exists()


def test_a_po_file_of_another_translation_is_refused(admin_client, danish, locales, about):
    german = translate_in_admin(admin_client, about, locales["de"])
    po = download_po(admin_client, german)
    for entry in po:
        entry.msgstr = "Über"
    response = upload_po(admin_client, danish, str(po).encode())
    assert (
        last_message(response)
        == "Cannot import PO file that was created for a different translation."
    )
    assert not StringTranslation.objects.exists()


def test_an_upload_without_a_file_is_refused(admin_client, danish):
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[danish.pk]), follow=True
    )
    assert response.status_code == 200
    assert last_message(response) == "Choose a PO file to upload."


# Machine translation ----------------------------------------------------------------------------


def test_machine_translation_fills_the_missing_strings(admin_client, client, danish):
    translate_string(admin_client, danish, "About", "Om projektet")
    target = danish.get_target_instance()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    url = reverse("wagtail_localize:machine_translate", args=[danish.pk])
    assert url in editor.content.decode()

    response = admin_client.post(url, {"next": editor.request["PATH_INFO"]}, follow=True)
    assert last_message(response) == "Successfully translated with Dummy translator."
    translated = dict(
        StringTranslation.objects.filter(locale=danish.target_locale).values_list(
            "translation_of__data", "data"
        )
    )
    # The dummy translator reverses the words; the translator's own string is kept.
    assert translated == {
        "About": "Om projektet",
        "about": "about",
        "Clusters on both sides of the border.": "border. the of sides both on Clusters",
    }
    publish_translation(admin_client, danish)
    assert "border. the of sides both on Clusters" in client.get("/da/about/").content.decode()


def test_deepl_is_configured_by_its_key():
    assert machine_translator({}) is None
    assert machine_translator({"DEEPL_AUTH_KEY": " "}) is None
    assert machine_translator({"DEEPL_AUTH_KEY": "abc:fx", "DEEPL_FORMALITY": "prefer_more"}) == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "abc:fx", "FORMALITY": "prefer_more"},
    }


def test_deepl_key_in_the_environment_switches_machine_translation_on():
    """The settings read the key when they are imported, so import them afresh."""
    code = (
        "import json, cms.settings.base as s; "
        "from wagtail_localize.machine_translators.deepl import DeepLTranslator as D; "
        "t = s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR; "
        "print(json.dumps([t, D(t['OPTIONS']).get_api_endpoint()]))"
    )
    env = {**os.environ, "DEEPL_AUTH_KEY": "0000-test:fx"}
    env.pop("DEEPL_FORMALITY", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    translator, endpoint = json.loads(result.stdout)
    assert translator == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "0000-test:fx"},
    }
    assert endpoint == "https://api-free.deepl.com/v2/translate"


def test_the_demo_loader_turns_an_alias_into_a_translation(
    about, locales, django_capture_on_commit_callbacks
):
    """With synchronized trees, a page created in the admin already has aliases when the
    demo content is loaded again: they become translations instead of being skipped."""
    with django_capture_on_commit_callbacks(execute=True):
        DemoLoader(log=lambda message: None).translate(about, locales["da"])
    danish = about.get_translation(locales["da"])
    assert danish.alias_of_id is None
    assert danish.live
    assert Translation.objects.filter(target_locale=locales["da"]).exists()


def test_a_translated_keyword_must_stay_in_its_translated_recommendation(
    admin_client, client, home, locales, django_capture_on_commit_callbacks
):
    index = CaseStudyIndexPageFactory(parent=home)
    study = CaseStudyPageFactory(
        parent=index,
        title="Kitchens",
        slug="kitchens",
        recommendations=[
            ("recommendation", {"statement": "Share a test kitchen.", "keyword": "test kitchen"})
        ],
    )
    study.save_revision().publish()
    translate_page(index, locales["da"])
    translation = translate_in_admin(admin_client, study, locales["da"])
    translate_string(admin_client, translation, "Share a test kitchen.", "Del et testkøkken.")
    translate_string(admin_client, translation, "test kitchen", "køkkenet")

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]),
        {"action": "publish"},
        follow=True,
    )

    assert "New validation errors were found" in last_message(response)
    assert not translation.get_target_instance().live

    translate_string(admin_client, translation, "test kitchen", "testkøkken")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        publish_translation(admin_client, translation)
    html = client.get(translation.get_target_instance().url).content.decode()
    assert "Del et <strong>testkøkken</strong>." in html

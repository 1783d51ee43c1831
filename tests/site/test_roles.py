"""The staff roles through the admin: members of the migrated groups, never superusers.

Each case makes a real request and checks the database afterwards: an allowed action
happened, a denied one was answered with 403 (or Wagtail's redirect to the dashboard)
and changed nothing.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from clusterdirectory.models import ClusterRegistration, IndustryTag, IndustryTagName
from home.models import HomePage, StandardPage
from staff.models import GroupLocalePermission
from staff.roles import EDITORS, MODERATORS, TRANSLATORS_DA, TRANSLATORS_DE, apply_roles
from tests.conftest import translate_page
from tests.factories import ClusterRegistrationFactory

ROLES = {
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator_da": TRANSLATORS_DA,
    "translator_de": TRANSLATORS_DE,
}
LANGUAGES = ["en", "da", "de"]


@pytest.fixture
def member(db, django_user_model):
    """A logged-in client for a new user in the group of ``role``."""

    def log_in(role):
        user = django_user_model.objects.create_user(role, f"{role}@example.org", "pw")
        user.groups.add(Group.objects.get(name=ROLES[role]))
        client = Client()
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def pages(locales):
    """An English home page with an "About" page, both translated into Danish and German."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="intra-net", locale=locales["en"]))
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    about.save_revision().publish()
    result = {"en": about}
    for code in ("da", "de"):
        translate_page(home, locales[code])
        result[code] = translate_page(about, locales[code])
    return result


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def page_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    return nested_form_data({**data, **changes})


# Pages ---------------------------------------------------------------------------------------

# The languages in which each role may do what; elsewhere it is denied.
EDIT = {
    role: {"en", "da", "de"} if role in ("editor", "moderator") else {role[-2:]} for role in ROLES
}
PUBLISH = {"moderator": {"en", "da", "de"}, "translator_da": {"da"}, "translator_de": {"de"}}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_page(member, pages, role, language):
    page = pages[language]
    client = member(role)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    shown = client.get(url)
    saved = client.post(url, page_form(page, title="Changed"))

    page.refresh_from_db()
    if language in EDIT[role]:
        assert shown.status_code == 200
        assert saved.status_code == 302 and not denied(saved)
        assert page.get_latest_revision_as_object().title == "Changed"
        assert page.title == "About"  # a draft, not published
    else:
        assert denied(shown) and denied(saved)
        assert page.get_latest_revision_as_object().title == "About"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_publish_page(member, pages, role, language):
    page = pages[language]
    client = member(role)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(url, page_form(page, title="Published", **{"action-publish": "1"}))

    page.refresh_from_db()
    assert page.title == ("Published" if language in PUBLISH.get(role, ()) else "About")
    if language not in EDIT[role]:
        assert denied(response)
        assert page.get_latest_revision_as_object().title == "About"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_unpublish_page(member, pages, role, language):
    page = pages[language]

    response = member(role).post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    page.refresh_from_db()
    if language in PUBLISH.get(role, ()):
        assert response.status_code == 302 and not page.live
    else:
        assert denied(response) and page.live


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_delete_page(member, pages, role, language):
    page = pages[language]

    response = member(role).post(reverse("wagtailadmin_pages:delete", args=[page.pk]))

    # Deleting a live page needs the publish permission.
    exists = StandardPage.objects.filter(pk=page.pk).exists()
    if language in PUBLISH.get(role, ()):
        assert response.status_code == 302 and not exists
    else:
        assert denied(response) and exists


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_create_page(member, pages, role, language):
    home = pages[language].get_parent()
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    client = member(role)

    shown = client.get(url)
    created = client.post(url, page_form(StandardPage(title="Contact", slug="contact")))

    new = StandardPage.objects.filter(slug="contact", alias_of__isnull=True)
    if language in EDIT[role]:
        assert shown.status_code == 200 and created.status_code == 302
        assert new.get().locale.language_code == language
    else:
        assert denied(shown) and denied(created)
        assert not new.exists()


@pytest.mark.parametrize("role", ROLES)
def test_move_page_only_within_own_languages(member, pages, role):
    page = pages["da"]
    target = page.get_parent().add_child(instance=StandardPage(title="Team", slug="team"))
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, target.pk])

    response = member(role).post(url)

    page.refresh_from_db()
    moved = page.get_parent().pk == target.pk
    assert moved == (role in ("moderator", "translator_da")), response.status_code


def test_translator_sees_only_own_language_trees_in_the_explorer(member, pages):
    client = member("translator_da")

    explorer = client.get(reverse("wagtailadmin_explore", args=[pages["da"].get_parent().pk]))
    english = client.get(reverse("wagtailadmin_explore", args=[pages["en"].get_parent().pk]))

    assert explorer.status_code == 200
    html = explorer.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[pages["da"].pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[pages["en"].pk]) not in (
        english.content.decode() if english.status_code == 200 else ""
    )


def test_anonymous_visitors_are_sent_to_the_login(client, pages):
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[pages["da"].pk]))

    assert edit.status_code == 302 and edit.url.startswith(reverse("wagtailadmin_login"))


# Industry tag names (a translatable snippet) ---------------------------------------------------

SNIPPET_EDIT = EDIT
SNIPPET_DELETE = {"editor": {"en", "da", "de"}, "moderator": {"en", "da", "de"}}


@pytest.fixture
def tag_names(locales):
    """A tag's name in English, Danish and German (translations of each other)."""
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")
    english = IndustryTagName.objects.get(tag=tag, locale=locales["en"])  # made with the tag
    return {"en": english} | {
        code: IndustryTagName.objects.create(
            tag=tag,
            name="Wind energy",
            locale=locales[code],
            translation_key=english.translation_key,
        )
        for code in ("da", "de")
    }


def snippet_url(action, *args):
    return reverse(f"wagtailsnippets_clusterdirectory_industrytagname:{action}", args=args)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_tag_name(member, tag_names, role, language):
    name = tag_names[language]

    response = member(role).post(
        snippet_url("edit", name.pk), {"tag": name.tag_id, "name": "Vindenergi"}
    )

    name.refresh_from_db()
    if language in SNIPPET_EDIT[role]:
        assert response.status_code == 302 and name.name == "Vindenergi"
    else:
        assert denied(response) and name.name == "Wind energy"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_create_tag_name(member, locales, role, language):
    tag = IndustryTag.objects.create(name="Hydrogen", slug="hydrogen")
    IndustryTagName.objects.filter(tag=tag).delete()

    response = member(role).post(
        snippet_url("add") + f"?locale={language}", {"tag": tag.pk, "name": "Brint"}
    )

    created = IndustryTagName.objects.filter(tag=tag, locale=locales[language])
    if language in SNIPPET_EDIT[role]:
        assert response.status_code == 302 and created.get().name == "Brint"
    else:
        assert denied(response) and not created.exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_delete_tag_name(member, tag_names, role, language):
    name = tag_names[language]

    response = member(role).post(snippet_url("delete", name.pk))

    exists = IndustryTagName.objects.filter(pk=name.pk).exists()
    if language in SNIPPET_DELETE.get(role, ()):
        assert response.status_code == 302 and not exists
    else:
        assert denied(response) and exists


# Translating through wagtail-localize --------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "de"])
@pytest.mark.parametrize("role", ROLES)
def test_submit_page_translation(member, pages, locales, role, language):
    english = pages["en"].get_parent().add_child(instance=StandardPage(title="News", slug="news"))
    english.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[english.pk])
    client = member(role)

    response = client.post(url, {"locales": [locales[language].pk]})

    translated = StandardPage.objects.filter(
        translation_key=english.translation_key, locale=locales[language]
    )
    if language in EDIT[role]:
        assert response.status_code == 302 and translated.exists()
    else:
        assert response.status_code == 302 and not translated.exists()
        assert "You may only translate into" in client.get(response.url).content.decode()


def test_translator_starts_the_danish_tree_of_a_fresh_site(member, locales):
    """Translators hold their page permissions on the root: the Danish home page they
    create by translating the English one is theirs to edit at once."""
    root = Page.get_first_root_node()
    english = root.add_child(instance=HomePage(title="Home", slug="intra-net"))
    english.save_revision().publish()
    translator = member("translator_da")

    response = translator.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [locales["da"].pk]},
    )

    danish = english.get_translation(locales["da"])
    assert response.status_code == 302 and danish.depth == 2
    assert translator.get(reverse("wagtailadmin_pages:edit", args=[danish.pk])).status_code == 200
    assert denied(translator.get(reverse("wagtailadmin_pages:edit", args=[english.pk])))


def test_translator_edits_only_translations_into_own_language(member, pages, locales):
    english = pages["en"].get_parent().add_child(instance=StandardPage(title="News", slug="news"))
    english.save_revision().publish()
    editor = member("editor")
    editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [locales["da"].pk, locales["de"].pk]},
    )
    danish, german = (english.get_translation(locales[code]) for code in ("da", "de"))
    translator = member("translator_da")

    own = translator.get(reverse("wagtailadmin_pages:edit", args=[danish.pk]))
    other = translator.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))

    assert own.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in own.templates]
    assert denied(other)
    german_translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locales["de"]
    )
    segment = StringSegment.objects.filter(source=german_translation.source).first()
    edit_string = reverse(
        "wagtail_localize:edit_string_translation",
        args=[german_translation.pk, segment.pk],
    )
    assert translator.put(edit_string, {"value": "Nachrichten"}).status_code == 403


# Records and media -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_registrations_only_for_moderators(member, role):
    registration = ClusterRegistrationFactory()
    client = member(role)

    listing = client.get("/admin/matchpoint/registrations/")
    deleted = client.post(f"/admin/matchpoint/registrations/delete/{registration.pk}/")

    exists = ClusterRegistration.objects.filter(pk=registration.pk).exists()
    if role == "moderator":
        assert listing.status_code == 200 and deleted.status_code == 302 and not exists
    else:
        assert denied(listing) and denied(deleted) and exists


@pytest.mark.parametrize("role", ROLES)
def test_every_role_uploads_images(member, role):
    image = get_test_image_file()
    response = member(role).post(
        reverse("wagtailimages:add"),
        {"title": "Harbour", "file": SimpleUploadedFile("harbour.png", image.file.getvalue())},
    )

    assert response.status_code == 302, response.context["form"].errors
    assert get_image_model().objects.filter(title="Harbour").exists()


# The groups and their languages ----------------------------------------------------------------


def test_migration_restricts_translators_to_their_language(db):
    languages = {
        group.name: sorted(group.locale_permissions.values_list("locale__language_code", flat=True))
        for group in Group.objects.all()
    }

    assert languages[TRANSLATORS_DA] == ["da"] and languages[TRANSLATORS_DE] == ["de"]
    assert languages[EDITORS] == [] and languages[MODERATORS] == []


def test_roles_can_be_applied_again(db):
    def state():
        return [
            sorted(Group.objects.values_list("name", "permissions"), key=str),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            GroupLocalePermission.objects.count(),
        ]

    before = state()
    apply_roles(apps)

    assert state() == before


def test_languages_panel_on_the_group_edit_page(admin_client, locales):
    group = Group.objects.create(name="Proofreaders")
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    empty_formsets = {
        f"{prefix}-{field}": value
        for prefix in (
            "page_permissions",
            "collection_permissions",
            "image_permissions",
            "document_permissions",
        )
        for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MAX_NUM_FORMS", 1000))
    }

    shown = admin_client.get(url)
    saved = admin_client.post(
        url,
        {"name": "Proofreaders", "locale_permissions-locales": [locales["de"].pk]} | empty_formsets,
    )

    assert 'name="locale_permissions-locales"' in shown.content.decode()
    assert saved.status_code == 302
    assert list(group.locale_permissions.values_list("locale__language_code", flat=True)) == ["de"]
    cleared = admin_client.post(url, {"name": "Proofreaders"} | empty_formsets)
    assert cleared.status_code == 302 and not group.locale_permissions.exists()


# Synchronised trees, snippets and syncing in wagtail-localize -----------------------------------


@pytest.mark.parametrize("role", ["translator_da", "translator_de"])
def test_translator_turns_only_own_language_aliases_into_translations(member, pages, locales, role):
    english = pages["en"].get_parent().add_child(instance=StandardPage(title="Team", slug="team"))
    english.save_revision().publish()
    alias = english.create_alias(
        parent=pages["da"].get_parent(), update_locale=locales["da"], reset_translation_key=False
    )
    client = member(role)

    shown = client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk]))
    converted = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [locales["da"].pk]},
    )

    alias.refresh_from_db()
    if role == "translator_da":
        assert shown.status_code == 200 and "Translate this page" in shown.content.decode()
        assert converted.status_code == 302 and alias.alias_of_id is None
    else:
        assert denied(shown)
        assert converted.status_code == 302 and alias.alias_of_id == english.pk


@pytest.mark.parametrize("language", ["da", "de"])
def test_translator_translates_snippets_only_into_own_language(member, locales, language):
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")
    english = IndustryTagName.objects.get(tag=tag)
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["clusterdirectory", "industrytagname", english.pk],
    )

    response = member("translator_da").post(url, {"locales": [locales[language].pk]})

    translated = IndustryTagName.objects.filter(tag=tag, locale=locales[language]).exists()
    assert response.status_code == 302
    assert translated == (language == "da")


def test_snippet_translation_editor_only_for_own_language(member, locales):
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")
    english = IndustryTagName.objects.get(tag=tag)
    member("editor").post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["clusterdirectory", "industrytagname", english.pk],
        ),
        {"locales": [locales["da"].pk, locales["de"].pk]},
    )
    danish, german = (english.get_translation(locales[code]) for code in ("da", "de"))
    german_translation = Translation.objects.get(target_locale=locales["de"])
    translator = member("translator_da")

    own = translator.get(snippet_url("edit", danish.pk))
    other = translator.get(snippet_url("edit", german.pk))
    upload = translator.post(
        reverse("wagtail_localize:upload_pofile", args=[german_translation.pk]),
        {"file": SimpleUploadedFile("de.po", b'msgid ""\nmsgstr ""\n')},
    )
    stopped = translator.post(
        reverse("wagtail_localize:stop_translation", args=[german_translation.pk])
    )

    assert own.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in own.templates]
    assert denied(other) and upload.status_code == 403 and stopped.status_code == 403
    german_translation.refresh_from_db()
    assert german_translation.enabled


def test_sync_for_own_languages_publishing_only_when_every_translation_is(member, pages, locales):
    editor = member("editor")
    sources = {}
    for codes in (["da"], ["da", "de"]):
        english = (
            pages["en"]
            .get_parent()
            .add_child(instance=StandardPage(title="-".join(codes), slug="-".join(codes)))
        )
        english.save_revision().publish()
        editor.post(
            reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
            {"locales": [locales[code].pk for code in codes]},
        )
        sources[len(codes)] = TranslationSource.objects.get_for_instance(english)
    danish, german = member("translator_da"), member("translator_de")

    def sync(client, source, **data):
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        return client.post(url, data)

    def synced_at(source):
        source.refresh_from_db()
        return source.last_updated_at

    before = synced_at(sources[1])
    assert sync(german, sources[1]).status_code == 403  # no German translation to sync
    assert synced_at(sources[1]) == before
    assert sync(danish, sources[1], publish_translations="on").status_code == 302
    assert synced_at(sources[1]) > before

    before = synced_at(sources[2])
    refused = sync(danish, sources[2], publish_translations="on")
    assert refused.status_code == 302 and refused.url.startswith(
        reverse("wagtail_localize:update_translations", args=[sources[2].pk])
    )
    assert synced_at(sources[2]) == before
    assert sync(danish, sources[2]).status_code == 302  # updates what translators work from
    assert synced_at(sources[2]) > before


def test_a_translator_who_is_also_an_editor_keeps_to_their_language(pages, django_user_model):
    user = django_user_model.objects.create_user("both", "both@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=[EDITORS, TRANSLATORS_DA]))
    client = Client()
    client.force_login(user)

    english = client.get(reverse("wagtailadmin_pages:edit", args=[pages["en"].pk]))
    danish = client.get(reverse("wagtailadmin_pages:edit", args=[pages["da"].pk]))

    assert denied(english) and danish.status_code == 200


def test_no_edit_buttons_on_tag_names_of_other_languages(member, tag_names):
    danish = tag_names["da"]
    edit, delete = (snippet_url(action, danish.pk) for action in ("edit", "delete"))

    html = {
        role: member(role).get(snippet_url("list") + "?locale=da").content.decode()
        for role in ("editor", "translator_da", "translator_de")
    }

    assert delete in html["editor"]
    assert delete not in html["translator_da"]  # translators delete nothing
    # The title still links to the edit view (answered with 403), the Edit button is gone.
    assert html["translator_de"].count(edit) == html["translator_da"].count(edit) - 1

"""Deleting an English page that has aliases and translations in Danish and German: the
confirmation lists them, aliases go with their source, the editor chooses what becomes of
the translations, and nothing is left behind as an unexplained orphan."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import StandardPage
from tests.site.test_translation_workflow import (
    create_in_admin,
    translate_in_admin,
    translate_string,
)
from tests.site.test_translation_workflow import home as home  # noqa: PLC0414 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(admin_client, home):
    """An English page whose Danish and German copies are aliases (wagtail-localize's synced
    tree makes them)."""
    return create_in_admin(admin_client, home, "About", "Clusters on both sides of the border.")


@pytest.fixture
def translated(admin_client, about, locales):
    """About translated into Danish (a draft of its own); German is still an alias."""
    translation = translate_in_admin(admin_client, about, locales["da"])
    translate_string(admin_client, translation, "About", "Om projektet")
    return translation.get_target_instance()


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def copies(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def test_the_confirmation_lists_the_aliases(admin_client, about):
    html = admin_client.get(delete_url(about)).content.decode()

    assert "In other languages" in html
    assert html.count("an alias that shows this page: deleted with it.") == 2
    assert "Dansk" in html and "Deutsch" in html
    assert 'name="translations"' not in html  # nothing to choose


def test_aliases_go_with_their_source(admin_client, about):
    response = admin_client.post(delete_url(about), follow=True)

    assert response.status_code == 200
    assert not StandardPage.objects.filter(slug="about").exists()
    messages = [str(m) for m in response.context["messages"]]
    assert "Its aliases in Dansk and Deutsch were deleted." in messages


def test_the_editor_must_choose_what_becomes_of_the_translations(admin_client, translated, about):
    html = admin_client.get(delete_url(about)).content.decode()

    # The Danish alias became a translation: still live, with the Danish title as a draft.
    assert "a translation, live" in html and "Om projektet" in html
    assert html.count('name="translations" value="delete" required') == 1
    assert html.count('name="translations" value="keep" required') == 1


def test_without_a_choice_translations_are_kept(admin_client, translated, about):
    admin_client.post(delete_url(about))

    assert not StandardPage.objects.filter(pk=about.pk).exists()
    assert StandardPage.objects.filter(pk=translated.pk).exists()


def test_translations_deleted_with_their_source(admin_client, translated, about, home):
    response = admin_client.post(delete_url(about), {"translations": "delete"}, follow=True)

    assert "Its translations in Dansk were deleted." in [
        str(m) for m in response.context["messages"]
    ]
    assert not StandardPage.objects.filter(slug__startswith="about").exists()
    # The same page made again gets its copies at the same addresses, not "about-1".
    again = create_in_admin(admin_client, home, "About", "Again.")
    assert sorted(copies(again).values_list("slug", flat=True)) == ["about", "about"]


def test_translations_kept_on_purpose(admin_client, client, translated, about, locales):
    response = admin_client.post(delete_url(about), {"translations": "keep"}, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert "Its translations in Dansk were kept as pages of their own." in messages
    danish = StandardPage.objects.get(pk=translated.pk)
    assert danish.translation_key != about.translation_key
    assert not StandardPage.objects.filter(locale=locales["de"], slug="about").exists()
    # No longer a translation: its editor is the page editor, not the translation editor.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[danish.pk]))
    assert editor.status_code == 200
    assert not Translation.objects.filter(
        source__object_id=danish.translation_key, target_locale=locales["da"]
    ).exists()


def test_a_page_without_copies_gets_wagtails_own_confirmation(admin_client, home):
    lonely = home.add_child(instance=StandardPage(title="Lonely", slug="lonely"))
    lonely.save_revision().publish()
    copies(lonely).delete()

    response = admin_client.get(delete_url(lonely))

    assert [t.name for t in response.templates][0] == "wagtailadmin/pages/confirm_delete.html"

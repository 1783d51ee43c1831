"""The German translator, with her own account, finds on her dashboard the page whose English
original changed, with what changed once synced; her translation editor keeps her previous
German text of the changed sentence to check; "Translate" offers her only German."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import StandardPage
from staff.roles import TRANSLATORS_DE
from tests.browser.conftest import log_in, snap
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = "Clusters on both sides of the border."
NOW = "Twenty clusters on both sides of the border."
GERMAN = {"About": "Über das Projekt", BEFORE: "Cluster auf beiden Seiten der Grenze."}


@pytest.fixture
def changed_page(root_page, locales):
    """An English page translated into German with wagtail-localize, then changed."""
    for code in ("da", "de"):
        translate_page(root_page, locales[code])
    about = root_page.add_child(
        instance=StandardPage(title="About", slug="about", introduction=BEFORE)
    )
    about.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.create(source=source, target_locale=locales["de"])
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=locales["de"],
            data=GERMAN.get(segment.string.data, segment.string.data),  # the slug too
            translation_type="manual",
        )
    translation.save_target(publish=True)
    about.introduction = NOW
    about.save_revision().publish()
    return about


@pytest.fixture
def german_translator(django_user_model):
    user = django_user_model.objects.create_user(
        "uebersetzerin", "uebersetzerin@intra-net.example", "uebersetzerin-pass"
    )
    user.groups.add(Group.objects.get(name=TRANSLATORS_DE))
    return user


def test_german_translator_sees_and_checks_what_changed(
    page, changed_page, german_translator, root_page
):
    log_in(page, "uebersetzerin", "uebersetzerin-pass")
    outdated = page.locator(
        "section", has=page.get_by_role("heading", name="Translations out of date")
    )
    expect(outdated).to_contain_text("About")
    snap(page, "dashboard before sync")

    outdated.get_by_role("link", name="Sync to see the changes").click()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url("**/admin/")
    expect(outdated).to_contain_text(f"Before: {BEFORE}")
    expect(outdated).to_contain_text(f"Now: {NOW}")
    snap(page, "dashboard after sync")

    outdated.get_by_role("link", name="Check the translation").click()
    segment = page.locator("li:has(> p)", has=page.get_by_text(NOW, exact=True))
    expect(segment).to_contain_text(GERMAN[BEFORE])
    expect(segment).to_contain_text("was er vorher sagte")
    snap(page, "translation editor")

    contact = root_page.add_child(instance=StandardPage(title="Contact", slug="contact"))
    page.goto(reverse("wagtail_localize:submit_page_translation", args=[contact.pk]))
    expect(page.get_by_role("checkbox", name="Deutsch")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Dansk")).to_have_count(0)
    snap(page, "translate form")

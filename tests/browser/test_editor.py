"""What an editor sees in the admin: the grouped cluster page form with its defaults and help
texts, block previews in the block chooser, and a new page made only by her own save."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from clusterdirectory.models import CaseStudyPage
from tests.browser.conftest import log_in, snap
from tests.conftest import translate_page
from tests.factories import CaseStudyIndexPageFactory, ClusterIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_new_danish_cluster_page_opens_in_denmark_with_help_texts(
    page, admin_user, root_page, locales
):
    danish_index = translate_page(ClusterIndexPageFactory(parent=root_page), locales["da"])
    log_in(page, "admin", "password")

    page.goto(
        reverse("wagtailadmin_pages:add", args=["clusterdirectory", "clusterpage", danish_index.pk])
    )
    snap(page, "new cluster page")

    expect(page.locator("#id_country")).to_have_value("DK")
    expect(page.locator("#id_show_contact_email")).not_to_be_checked()
    expect(page.locator("#id_founded_year")).to_have_value("")
    for heading in ("Profile", "Address", "Contact person", "Industries and services"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("Four digits, e.g. 2009. Leave empty if unknown.")).to_be_visible()


def test_block_chooser_shows_a_preview_with_example_content(page, admin_user, root_page, locales):
    log_in(page, "admin", "password")
    page.goto(reverse("wagtailadmin_pages:add", args=["home", "standardpage", root_page.pk]))

    page.get_by_role("button", name="Insert a block").first.click()
    option = page.locator(".w-combobox__option-row", has_text="Key figures")
    option.locator(".w-combobox__option-preview").click()
    snap(page, "block chooser preview")

    preview = page.locator(".w-combobox-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("A few numbers in large type, each with what it counts.")
    frame = page.frame_locator(".w-combobox-preview__iframe")
    expect(frame.locator("main")).to_contain_text("220.000 €")
    expect(frame.locator("main")).to_contain_text("The project in numbers")


def test_new_case_study_refused_by_its_save_is_not_made_by_autosave(
    page, admin_user, root_page, locales
):
    """Autosave on a new page sent the form as it was a moment earlier: it created the page
    (and its aliases in Danish and German) while the editor's own save, a moment later, was
    refused; her next save then failed on the slug."""
    index = CaseStudyIndexPageFactory(parent=root_page)
    log_in(page, "admin", "password")
    # Wagtail looks for changes (and autosaves them) from two seconds after the form opens.
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', "
        "() => document.documentElement.setAttribute('data-watching', ''))"
    )
    page.goto(
        reverse("wagtailadmin_pages:add", args=["clusterdirectory", "casestudypage", index.pk])
    )
    page.wait_for_selector("html[data-watching]", state="attached")

    page.fill("#id_title", "Test kitchens")
    page.fill("#id_aim", "Find out what food clusters share.")
    page.locator("#panel-child-content-recommendations-content").get_by_role(
        "button", name="Insert a block"
    ).first.click()
    statement = page.get_by_label("Recommendation", exact=False).locator("textarea")
    statement.first.fill("Share a test kitchen.")
    keyword = page.get_by_role("textbox", name="Highlighted keyword")
    keyword.fill("test kitchen")
    # The moment autosave sends the form (valid then), the editor changes the keyword and saves.
    with page.expect_request(
        lambda request: request.method == "POST" and "json" in request.headers.get("accept", "")
    ):
        pass
    keyword.fill("oven")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    snap(page, "saved")

    expect(page.locator(".messages")).to_contain_text(
        "The page could not be created due to validation errors."
    )
    expect(page.get_by_text("“oven” is not in the recommendation")).to_be_visible()
    assert not CaseStudyPage.objects.exists()  # in no language

    # Corrected, the page is created at once (no "slug already in use"), with its aliases.
    page.get_by_role("textbox", name="Highlighted keyword").fill("kitchen")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Page 'Test kitchens' created.")
    snap(page, "created")
    english = CaseStudyPage.objects.get(locale=locales["en"])
    assert english.recommendations[0].value["keyword"] == "kitchen"
    assert CaseStudyPage.objects.filter(alias_of=english).count() == 2

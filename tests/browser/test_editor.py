"""What an editor sees in the admin: the grouped cluster page form with its defaults and help
texts, and block previews in the block chooser."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, snap
from tests.conftest import translate_page
from tests.factories import ClusterIndexPageFactory

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

"""Editors sign in to the Wagtail admin through its login form (``log_in``)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_signs_in_to_the_admin(page, admin_user):
    log_in(page, "admin", "password")
    expect(page).to_have_url("/admin/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("InTra-Net")


def test_wrong_password_stays_on_the_login_page(page, admin_user):
    log_in(page, "admin", "not-the-password")
    expect(page).to_have_url("/admin/login/")
    expect(page.locator(".login-form")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("didn't match")

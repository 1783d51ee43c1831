"""A cluster's contact person updates its profile in German from the e-mailed link; a
moderator sees what changed and approves it; the link does not work twice. A second link
asked before the first changes are approved opens them, and keeps them."""

import io
import re

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage
from tests.browser.conftest import log_in, snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def published_cewind():
    """The German CEwind with the contact data the form asks for, published."""
    cewind = ClusterPage.objects.get(title="CEwind", locale__language_code="de")
    cewind.contact_email = "wiese@cewind.example"
    cewind.contact_name = "Anna Wiese"
    cewind.contact_title = "Geschäftsführerin"
    cewind.contact_phone = "+49 461 1234567"
    cewind.founded_year, cewind.members_count = 2006, 30
    cewind.street, cewind.postcode, cewind.city = "Kanzleistraße 91", "24943", "Flensburg"
    cewind.website, cewind.focus_areas = "https://cewind.example", "Offshore-Wind"
    cewind.save_revision().publish()
    return cewind


def mailed_link_path(message):
    link = re.search(r"http://\S+/update/[\w-]+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", link)


def ask_for_link(page, path):
    mail.outbox.clear()
    page.goto(path + "update/")
    page.get_by_role("button", name="Link senden").click()
    expect(page.locator("h1")).to_have_text("Link gesendet")
    [message] = mail.outbox
    return mailed_link_path(message)


def approve_in_admin(page, cewind):
    page.goto(f"/admin/pages/{cewind.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Approve").first.click()
    expect(page.locator(".messages")).to_contain_text("CEwind")


def test_contact_person_updates_the_profile_and_moderator_approves(page, cluster_site, moderator):
    cewind = published_cewind()
    path = f"/de/clusters/{cewind.slug}/"

    page.goto(path)
    page.get_by_role("link", name="Dieses Profil aktualisieren").click()
    expect(page).to_have_url(path + "update/")
    page.get_by_role("button", name="Link senden").click()
    expect(page.locator("h1")).to_have_text("Link gesendet")

    [message] = mail.outbox
    assert message.to == ["wiese@cewind.example"]
    assert message.subject == "Profil von CEwind aktualisieren"
    link = re.search(r"http://\S+/update/[\w-]+/", message.body).group(0)
    link_path = re.sub(r"^https?://[^/]+", "", link)

    page.goto(link_path)
    expect(page.locator("#id_city")).to_have_value("Flensburg")
    expect(page.locator("#id_name")).to_have_value("CEwind")
    page.fill("#id_city", "Husum")
    page.fill("#id_postcode", "25813")
    page.locator("#id_consent").check()
    snap(page, "filled form")
    page.get_by_role("button", name="Änderungen senden").click()
    expect(page).to_have_url(path + "update/done/")
    expect(page.locator("h1")).to_have_text("Vielen Dank")

    # Nothing public changes before approval.
    page.goto(path)
    expect(page.locator("main address")).to_contain_text("Flensburg")

    log_in(page, "moderator", "moderator-pass")
    notice = next(m for m in mail.outbox if m.subject.startswith("Profile update"))
    compare = re.search(r"http://\S+/compare/\S+/", notice.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", compare))
    expect(page.locator("main")).to_contain_text("Husum")
    snap(page, "comparison")
    page.goto(f"/admin/pages/{cewind.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Approve").first.click()

    page.goto(path)
    expect(page.locator("main address")).to_contain_text("25813 Husum")

    page.goto(link_path)
    expect(page.locator("h1")).to_have_text("Dieser Link funktioniert nicht")


def test_a_second_link_opens_the_changes_waiting_for_review_and_keeps_them(
    page, cluster_site, moderator, tmp_path
):
    """Issue 26: changes sent, a new link asked before they were approved and only the phone
    number changed there: after approval the profile has both."""
    cewind = published_cewind()
    path = f"/de/clusters/{cewind.slug}/"
    logo = tmp_path / "neues-logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "teal").save(buffer, "PNG")
    logo.write_bytes(buffer.getvalue())

    page.goto(ask_for_link(page, path))
    expect(page.locator(".notice")).to_have_count(0)
    expect(page.locator("#id_members_count")).to_have_value("30")
    page.fill("#id_members_count", "57")
    page.fill("#id_focus_areas", "Offshore-Wind\nWasserstoff")
    page.get_by_role("checkbox", name="Ernährung").check()
    page.set_input_files("#id_logo_file", str(logo))
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Änderungen senden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank")

    page.goto(ask_for_link(page, path))
    notice = page.locator(".notice")
    expect(notice).to_contain_text("warten auf die Prüfung")
    expect(notice).to_contain_text("Das Formular zeigt das Profil mit diesen Änderungen")
    snap(page, "second form with the pending changes")
    expect(page.locator("#id_members_count")).to_have_value("57")
    expect(page.locator("#id_focus_areas")).to_have_value("Offshore-Wind\nWasserstoff")
    expect(page.get_by_role("checkbox", name="Ernährung")).to_be_checked()
    expect(page.locator("article.registration img")).to_have_count(1)  # the new logo
    page.fill("#id_contact_phone", "+49 461 7654321")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Änderungen senden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank")

    notice = next(m for m in mail.outbox if m.subject.startswith("Profile update"))
    assert "were still waiting for review: they are included" in notice.body
    log_in(page, "moderator", "moderator-pass")
    approve_in_admin(page, cewind)

    page.goto(path)
    profile = page.locator("main")
    expect(profile).to_contain_text("57 Mitglieder")
    expect(profile).to_contain_text("Wasserstoff")
    expect(profile).to_contain_text("Ernährung")
    expect(profile).to_contain_text("+49 461 7654321")
    expect(page.locator("img.cluster__logo")).to_have_count(1)
    snap(page, "approved profile")

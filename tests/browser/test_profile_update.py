"""A cluster's contact person updates its profile in German from the e-mailed link; a
moderator sees what changed and approves it; the link does not work twice."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage
from tests.browser.conftest import log_in, snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_contact_person_updates_the_profile_and_moderator_approves(page, cluster_site, moderator):
    cewind = ClusterPage.objects.get(title="CEwind", locale__language_code="de")
    cewind.contact_email = "wiese@cewind.example"
    cewind.contact_name = "Anna Wiese"
    cewind.contact_title = "Geschäftsführerin"
    cewind.contact_phone = "+49 461 1234567"
    cewind.founded_year, cewind.members_count = 2006, 30
    cewind.street, cewind.postcode, cewind.city = "Kanzleistraße 91", "24943", "Flensburg"
    cewind.website, cewind.focus_areas = "https://cewind.example", "Offshore-Wind"
    cewind.save_revision().publish()
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

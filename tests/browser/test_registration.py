"""A cluster manager registers a cluster on the German site; a moderator approves it in the
Wagtail admin and the cluster appears in the directory, and the manager hears of it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage, ClusterRegistration, RegistrationStatus
from tests.browser.conftest import log_in, snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_profile(page, industry="Windenergie"):
    page.fill("#id_name", "Syddansk Robotcluster")
    page.fill("#id_street", "Forskerparken 10")
    page.fill("#id_postcode", "5230")
    page.fill("#id_city", "Odense")
    page.select_option("#id_country", "DK")
    page.fill("#id_website", "robotcluster.example")
    page.fill("#id_contact_name", "Mette Holm")
    page.fill("#id_contact_title", "Clusterchefin")
    page.fill("#id_contact_email", "mette@robotcluster.example")
    page.fill("#id_contact_phone", "+45 6550 1344")
    page.fill("#id_founded_year", "2011")
    page.fill("#id_members_count", "85")
    page.get_by_role("checkbox", name=industry).check()
    page.fill("#id_focus_areas", "Robotik, Offshore-Wartung")
    page.fill("#id_services", "Matchmaking\nTestanlagen")
    page.fill("#id_description", "Robotik für die Windindustrie.")


def test_visitor_registers_and_moderator_approves(page, cluster_site, moderator):
    page.goto("/de/clusters/")
    page.get_by_role("link", name="Registrieren Sie Ihren Cluster").click()
    expect(page).to_have_url("/de/clusters/register/")
    fill_profile(page)
    page.fill("#id_contact_phone", "0461 12345")  # no country code
    page.get_by_role("button", name="Registrierung absenden").click()
    snap(page, "errors")

    # Messages next to the fields, in German; what was typed is still there.
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#form-errors")).to_be_focused()  # read out first, without a script
    expect(page.locator(".field--error")).to_have_count(2)  # phone and consent
    expect(page.locator("#id_name")).to_have_value("Syddansk Robotcluster")
    assert not ClusterRegistration.objects.exists()

    # Each error in the summary leads to its field.
    page.locator("#form-errors a", has_text="Telefon").click()
    expect(page).to_have_url(re.compile("#id_contact_phone$"))
    page.fill("#id_contact_phone", "+45 6550 1344")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registrierung absenden").click()
    # The browser keeps the fragment the summary's link added through the redirect.
    expect(page).to_have_url(re.compile(r"/de/clusters/register/thanks/(#id_contact_phone)?$"))
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Registrierung")
    snap(page, "thanks")

    draft = ClusterPage.objects.get(title="Syddansk Robotcluster", alias_of=None)
    assert not draft.live and draft.locale.language_code == "de"
    page.goto("/de/clusters/")
    expect(page.locator(".cluster-card", has_text="Syddansk Robotcluster")).to_have_count(0)
    assert page.goto(f"/de/clusters/{draft.slug}/").status == 404

    log_in(page, "moderator", "moderator-pass")
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Syddansk Robotcluster")
    snap(page, "editor")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Approve").first.click()
    snap(page, "approved")

    draft.refresh_from_db()
    assert draft.live
    assert ClusterRegistration.objects.get().status == RegistrationStatus.PUBLISHED
    page.goto("/de/clusters/?tag=wind-energy")
    expect(page.locator(".cluster-card", has_text="Syddansk Robotcluster")).to_have_count(1)


def result_count(page):
    return int(page.locator(".result-count").inner_text().split()[0])


def facet_count(page, name):
    label = page.locator(".directory__filters label", has=page.get_by_role("checkbox", name=name))
    return int(label.locator(".count").inner_text().strip("()"))


def test_a_danish_registration_is_found_and_matched_in_every_language(
    page, cluster_site, moderator
):
    """Registered on /da/ with a Danish phone number, approved: the cluster is listed in
    English, Danish and German, and suggested as a partner to a German cluster sharing an
    industry, on its German and English pages."""
    page.goto("/da/clusters/")
    page.get_by_role("link", name="Registrér din klynge").click()
    expect(page).to_have_url("/da/clusters/register/")
    fill_profile(page, industry="Fødevarer")
    page.fill("#id_name", "Brintklynge Sønderjylland")
    page.fill("#id_contact_phone", "74 62 11 80")  # as dialled in Denmark
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send registrering").click()
    expect(page.locator("h1")).to_have_text("Tak for din registrering")
    snap(page, "thanks")

    source = ClusterPage.objects.get(title="Brintklynge Sønderjylland", alias_of=None)
    assert source.locale.language_code == "da"
    assert source.contact_phone == "+45 74 62 11 80"
    assert source.slug == "brintklynge-sonderjylland"

    log_in(page, "moderator", "moderator-pass")
    page.goto(f"/admin/pages/{source.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Approve").first.click()
    expect(page.locator(".messages")).to_contain_text("Brintklynge Sønderjylland")
    source.refresh_from_db()
    assert source.live

    for code in ("en", "da", "de"):
        page.goto(f"/{code}/clusters/?tag=food")
        card = page.locator(".cluster-card", has_text="Brintklynge Sønderjylland")
        expect(card).to_have_count(1)
        snap(page, f"listed in {code}")

    # A German cluster sharing the food industry suggests it, in German and in English.
    for code, heading in (
        ("de", "Potenzielle Partner über die Grenze hinweg"),
        ("en", "Potential partners across the border"),
    ):
        page.goto(ClusterPage.objects.get(title="LogI-SH", locale__language_code=code).url)
        partners = page.locator("section.partners")
        expect(partners.locator("h2")).to_have_text(heading)
        link = partners.get_by_role("link", name="Brintklynge Sønderjylland")
        expect(link).to_have_attribute("href", f"/{code}/clusters/brintklynge-sonderjylland/")
        expect(link).not_to_have_attribute("lang", "da")  # its page in the visitor's language
        snap(page, f"partner in {code}")

    # Two industries widen the result; each count beside an industry predicts its result.
    page.goto("/de/clusters/")
    wind, food = facet_count(page, "Windenergie"), facet_count(page, "Ernährung")
    page.get_by_role("checkbox", name="Windenergie").check()
    page.get_by_role("button", name="Cluster anzeigen").click()
    page.wait_for_url("**/de/clusters/?*")
    assert result_count(page) == wind
    assert facet_count(page, "Ernährung") == food  # its count under the other facets
    page.get_by_role("checkbox", name="Ernährung").check()
    page.get_by_role("button", name="Cluster anzeigen").click()
    page.wait_for_url("**tag=food*")
    both = result_count(page)
    assert both > max(wind, food)
    expect(page.locator(".cluster-card", has_text="Brintklynge Sønderjylland")).to_have_count(1)
    snap(page, "two industries")


def test_the_registrant_hears_in_danish_when_a_moderator_approves(page, cluster_site, moderator):
    """Registered on /da/: a Danish receipt at once, the moderator's notice in their admin
    language, and once approved in the admin a Danish e-mail with the live page."""
    page.goto("/da/clusters/register/")
    fill_profile(page, industry="Fødevarer")
    page.fill("#id_name", 'Rømø Energi & "Vind"')
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send registrering").click()
    expect(page.locator("h1")).to_have_text("Tak for din registrering")

    def to(address):
        return [m for m in mail.outbox if m.to == [address]]

    [receipt] = to("mette@robotcluster.example")
    assert receipt.subject == 'Vi har modtaget registreringen af Rømø Energi & "Vind"'
    [notice] = [m for m in to(moderator.email) if m.subject.startswith("New cluster")]
    assert "Language: Danish" in notice.body

    draft = ClusterPage.objects.get(title='Rømø Energi & "Vind"', alias_of=None)
    log_in(page, "moderator", "moderator-pass")
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Approve").first.click()
    expect(page.locator(".messages")).to_contain_text("Rømø Energi")

    [receipt, outcome] = to("mette@robotcluster.example")
    assert outcome.subject == 'Rømø Energi & "Vind" er nu med i klyngekataloget'
    draft.refresh_from_db()
    assert draft.live and f"{draft.full_url}\n" in outcome.body
    assert "/da/clusters/" in draft.full_url
    page.goto(draft.url)  # the mail's host is the site's, without the test server's port
    expect(page.locator("h1")).to_contain_text("Rømø Energi")


def test_the_registrant_gets_the_reason_when_a_moderator_requests_changes(
    page, cluster_site, moderator
):
    """Registered on /de/; the moderator requests changes in the admin with a comment: the
    registrant gets it in a German e-mail."""
    page.goto("/de/clusters/register/")
    fill_profile(page)
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registrierung absenden").click()
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Registrierung")

    draft = ClusterPage.objects.get(title="Syddansk Robotcluster", alias_of=None)
    log_in(page, "moderator", "moderator-pass")
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Request changes").first.click()
    page.locator("#id_comment").fill("Bitte nennen Sie die Mitglieder.")
    snap(page, "request changes")
    page.locator("form[method=POST] button[type=submit]", has_text="Request changes").click()
    expect(page.locator(".messages")).to_contain_text("Syddansk Robotcluster")

    assert ClusterRegistration.objects.get().status == RegistrationStatus.REJECTED
    [outcome] = [m for m in mail.outbox if m.subject.startswith("Die Registrierung von")]
    assert outcome.to == ["mette@robotcluster.example"]
    assert outcome.subject.endswith("Syddansk Robotcluster wurde nicht veröffentlicht")
    assert "Die Begründung des Moderators:\nBitte nennen Sie die Mitglieder." in outcome.body


def test_back_after_registering_and_sending_again_registers_once(page, cluster_site, moderator):
    """Issue 26: back from the thank-you page and the form sent again made a second
    registration and second drafts (``...-2``) in every language."""
    page.goto("/da/clusters/register/")
    fill_profile(page, industry="Fødevarer")
    page.fill("#id_name", "Brintklynge Sønderjylland")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send registrering").click()
    expect(page.locator("h1")).to_have_text("Tak for din registrering")

    page.go_back()
    expect(page).to_have_url("/da/clusters/register/")
    snap(page, "back on the form")
    if not page.locator("#id_consent").is_checked():  # the browser kept what it could
        fill_profile(page, industry="Fødevarer")
        page.fill("#id_name", "Brintklynge Sønderjylland")
        page.locator("#id_consent").check()
    page.get_by_role("button", name="Send registrering").click()
    expect(page.locator("h1")).to_have_text("Denne registrering er allerede modtaget")
    expect(page.locator("main")).to_contain_text("Du har sendt denne formular før")
    snap(page, "already received")

    assert ClusterRegistration.objects.count() == 1
    drafts = ClusterPage.objects.filter(title="Brintklynge Sønderjylland")
    assert set(drafts.values_list("slug", flat=True)) == {"brintklynge-sonderjylland"}
    assert drafts.count() == 3  # one in each language

    # A new registration from the form opened anew still works.
    page.get_by_role("link", name="Tilbage til de deltagende klynger").click()
    page.get_by_role("link", name="Registrér din klynge").click()
    fill_profile(page, industry="Fødevarer")
    page.fill("#id_name", "Fyns Fødevareklynge")
    page.fill("#id_website", "https://www.foedevareklynge.example/")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send registrering").click()
    expect(page.locator("h1")).to_have_text("Tak for din registrering")
    assert ClusterRegistration.objects.count() == 2

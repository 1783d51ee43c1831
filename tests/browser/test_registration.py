"""A cluster manager registers a cluster on the German site; a moderator approves it in the
Wagtail admin and the cluster appears in the directory."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage, ClusterRegistration, RegistrationStatus
from tests.browser.conftest import log_in, snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moderator", "moderator@intra-net.example", "moderator-pass"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def fill_profile(page):
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
    page.get_by_role("checkbox", name="Windenergie").check()
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
    expect(page.locator(".field--error")).to_have_count(2)  # phone and consent
    expect(page.locator("#id_name")).to_have_value("Syddansk Robotcluster")
    assert not ClusterRegistration.objects.exists()

    page.fill("#id_contact_phone", "+45 6550 1344")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registrierung absenden").click()
    expect(page).to_have_url("/de/clusters/register/thanks/")
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Registrierung")
    snap(page, "thanks")

    draft = ClusterPage.objects.get(title="Syddansk Robotcluster")
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

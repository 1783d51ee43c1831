"""The Content-Security-Policy holds in a real browser: the public pages and Wagtail's
admin work under it without a single violation."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage
from tests.browser.conftest import log_in, snap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Playwright's own script, injected before the page's, is not subject to the policy.
COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample || ""}`.trim()
    );
});
"""


def violations(page):
    return page.evaluate("window.cspViolations")


@pytest.fixture
def watched(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    return page


def test_public_pages_need_no_exception_from_the_policy(watched, cluster_site):
    page = watched
    cluster = ClusterPage.objects.filter(locale__language_code="de").first()
    found = {}
    for url in [
        "/en/",
        cluster_site.url + "?tag=wind-energy&country=DE",
        cluster.url,
        cluster_site.url + "register/",
        "/de/search/?q=wind",
    ]:
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        if found_here := violations(page):
            found[url] = found_here
    assert found == {}, found


def test_the_admin_works_under_its_policy(watched, cluster_site):
    page = watched
    get_user_model().objects.create_superuser("admin", "admin@example.com", "admin-pass")
    log_in(page, "admin", "admin-pass")
    cluster = ClusterPage.objects.get(title="CEwind", locale__language_code="en")
    found = {}
    for url in [
        "/admin/",
        f"/admin/pages/{cluster_site.pk}/",
        f"/admin/pages/{cluster.pk}/edit/",
        "/admin/images/add/",
        "/admin/snippets/",
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        snap(page, url)
        if found_here := violations(page):
            found[url] = found_here
    # The page editor's scripts run: saving a draft through it works.
    page.goto(f"/admin/pages/{cluster.pk}/edit/")
    page.fill("#id_title", "CEwind e.V.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    if found_here := violations(page):
        found["save draft"] = found_here
    assert found == {}, found

"""An editor builds a page from blocks and adds a cluster with industry tags; a moderator
approves the cluster through Wagtail's default workflow; visitors then find both on the site.

Neither user is a superuser: they are members of the staff groups "Editors" and
"Moderators", with only the permissions those groups give.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from clusterdirectory.models import ClusterPage, IndustryTag
from home.models import StandardPage
from tests.browser.conftest import log_in, snap
from tests.factories import IndustryTagFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """Wagtail autosaves a new page half a second after a change; a "Save draft" sent while
    that request runs was refused with a validation error on the slug (Promote tab). People
    pause before they click, the test does not: it saves explicitly instead."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def staff(django_user_model):
    """An editor and a moderator, each in their group only."""
    users = {}
    for username, group in (("editor", "Editors"), ("moderator", "Moderators")):
        user = django_user_model.objects.create_user(
            username, f"{username}@intra-net.example", f"{username}-pass"
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def insert_block(page, label):
    """Append a block to the StreamField through its block picker (the last "+" button)."""
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def more_actions(page):
    """Open the dropdown next to the footer's main action button."""
    page.locator("footer").get_by_role("button", name="More actions").click()


def test_editor_builds_pages_and_moderator_publishes(page, cluster_index, staff):
    IndustryTagFactory(name="Wind energy", slug="wind-energy")
    home = cluster_index.get_parent()

    # The editor adds a general page under the English home page, from the page explorer.
    log_in(page, "editor", "editor-pass")
    page.goto(f"/admin/pages/{home.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Standard page", exact=True).click()
    page.wait_for_url(f"**/admin/pages/add/home/standardpage/{home.pk}/")
    page.fill("#id_title", "Cross-border hydrogen")
    page.fill("#id_introduction", "How clusters on both sides of the border work on hydrogen.")

    insert_block(page, "Heading")
    page.fill("#body-0-value-text", "Why hydrogen")
    insert_block(page, "Paragraph")
    paragraph = page.locator("[data-contentpath='body'] [contenteditable=true]").last
    paragraph.click()
    paragraph.type("Wind parks on the coast make more power than the grid takes.")
    # Draftail writes its content to the form field a moment after the last key press.
    expect(page.locator("input[name='body-1-value']")).to_have_value(re.compile("grid takes"))
    insert_block(page, "Quote")
    page.fill("#body-2-value-quote", "Surplus wind power is the cheapest hydrogen there is.")
    page.fill("#body-2-value-attribution", "Cluster manager, Esbjerg")
    snap(page, "standard page form")

    page.locator("footer").get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("'Cross-border hydrogen' created")
    standard = StandardPage.objects.get(title="Cross-border hydrogen", alias_of=None)
    page.wait_for_url(f"**/admin/pages/{standard.pk}/edit/")
    assert not standard.live
    body = standard.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["heading", "paragraph", "quote"]

    # Wagtail's preview panel renders the draft with the site's own templates.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h2", has_text="Why hydrogen")).to_be_visible()
    expect(preview.locator("blockquote")).to_contain_text("cheapest hydrogen")
    snap(page, "standard page preview")
    more_actions(page)
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.locator(".messages")).to_contain_text("submitted")

    # Then a cluster under the directory: required fields, an existing tag picked from the tag
    # widget's suggestions and a new one typed in.
    page.goto(f"/admin/pages/{cluster_index.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.wait_for_url(f"**/admin/pages/add/clusterdirectory/clusterpage/{cluster_index.pk}/")
    page.fill("#id_title", "Hydrogen Valley Syd")
    page.fill("#id_city", "Esbjerg")
    page.select_option("#id_country", "DK")
    tags = page.locator("[data-contentpath='industries'] .tagit-new input")
    tags.type("Wind")
    page.locator(".ui-autocomplete").get_by_text("Wind energy", exact=True).click()
    tags.type("Hydrogen")
    tags.press("Enter")
    expect(page.locator("[data-contentpath='industries'] .tagit-choice")).to_have_count(2)
    page.locator("[data-contentpath='description'] [contenteditable=true]").click()
    page.keyboard.type("Electrolysis with surplus power from offshore wind.")
    expect(page.locator("input[name=description]")).to_have_value(re.compile("offshore wind"))
    snap(page, "cluster form")

    more_actions(page)
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    snap(page, "cluster submitted")
    cluster = ClusterPage.objects.get(title="Hydrogen Valley Syd", alias_of=None)
    assert not cluster.live
    assert cluster.current_workflow_state.status == "in_progress"
    assert IndustryTag.objects.filter(slug="hydrogen").exists()
    # Synchronized trees: Danish and German get aliases that translators turn into translations.
    assert {alias.locale.language_code for alias in cluster.aliases.all()} == {"da", "de"}
    assert page.request.get(f"/en/clusters/{cluster.slug}/").status == 404

    # The moderator finds both on the dashboard, awaiting review; approves the page from there
    # and the cluster from its edit view.
    page.context.clear_cookies()
    log_in(page, "moderator", "moderator-pass")
    expect(page).to_have_url("/admin/")
    awaiting = page.locator("section", has_text="Awaiting your review")
    expect(awaiting.get_by_role("link", name="Hydrogen Valley Syd")).to_be_visible()
    snap(page, "moderator dashboard")
    row = awaiting.locator("tr", has_text="Cross-border hydrogen")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.get_by_role("link", name="Cross-border hydrogen")).to_have_count(0)
    standard.refresh_from_db()
    assert standard.live

    awaiting.get_by_role("link", name="Hydrogen Valley Syd").click()
    page.wait_for_url(f"**/admin/pages/{cluster.pk}/edit/")
    more_actions(page)
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("'Hydrogen Valley Syd' has been updated")
    snap(page, "cluster approved")
    cluster.refresh_from_db()
    assert cluster.live

    # A visitor finds the cluster under each of its tags, and the page it links to.
    page.context.clear_cookies()
    for slug in ("hydrogen", "wind-energy"):
        page.goto(f"/en/clusters/?tag={slug}")
        expect(page.locator(".cluster-card", has_text="Hydrogen Valley Syd")).to_be_visible()
    snap(page, "index filtered by tag")
    page.locator(".cluster-card", has_text="Hydrogen Valley Syd").get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text("Hydrogen Valley Syd")
    expect(page.locator(".cluster .tags")).to_contain_text("Hydrogen")
    expect(page.locator(".cluster .rich-text")).to_contain_text("Electrolysis")

    page.goto("/en/cross-border-hydrogen/")
    expect(page.locator("h1")).to_have_text("Cross-border hydrogen")
    expect(page.locator("h2", has_text="Why hydrogen")).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("cheapest hydrogen")
    snap(page, "standard page live")

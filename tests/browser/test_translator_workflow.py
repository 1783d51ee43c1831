"""A Danish translator turns the Danish copy of a new cluster into a translation, and names its
industry tag in Danish, in wagtail-localize's translation editor; Danish visitors then read
both.

The Danish tree follows the English one (synchronized trees): a cluster added in English
appears in Danish as an alias, mirroring the English page until someone translates it. The
translator is no superuser, only a member of "Translators (Danish)".
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail_localize.synctree import create_aliases_for_new_page

from clusterdirectory.models import ClusterPage, IndustryTagName
from tests.browser.conftest import log_in, snap
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESCRIPTION = "Electrolysis with surplus power from offshore wind."
DANISH_DESCRIPTION = "Elektrolyse med overskudsstrøm fra havvind."


@pytest.fixture
def new_cluster(cluster_index, locales):
    """Where the editor workflow ends, built directly: a published English cluster with a new
    tag, its Danish alias, under a directory that is already translated into Danish."""
    translated_index = translate_page(cluster_index, locales["da"])
    translated_index.title = "Deltagende klynger"
    translated_index.save_revision().publish()
    cluster = ClusterPageFactory(
        parent=cluster_index,
        title="Hydrogen Valley Syd",
        slug="hydrogen-valley-syd",
        city="Esbjerg",
        description=f"<p>{DESCRIPTION}</p>",
        industries=[IndustryTagFactory(name="Hydrogen", slug="hydrogen")],
    )
    create_aliases_for_new_page(cluster)  # what the admin does when a page is created
    return cluster


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user(
        "oversaetter", "oversaetter@intra-net.example", "oversaetter-pass"
    )
    user.groups.add(Group.objects.get(name="Translators (Danish)"))
    return user


def translate_segment(page, source, translation):
    """Translate one segment of the translation editor and wait until it is saved."""
    # A segment is the list item whose paragraph shows the source text.
    segment = page.locator("li:has(> p)", has=page.get_by_text(source, exact=True))
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    # Saved through the editor's API: the segment then shows the text and offers "Edit".
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).to_have_class("complete")


def test_danish_translator_translates_cluster_and_tag(page, new_cluster, translator):
    alias = ClusterPage.objects.get(alias_of=new_cluster, locale__language_code="da")

    # The Danish page mirrors the English one until it is translated.
    assert page.goto("/da/clusters/hydrogen-valley-syd/").ok
    expect(page.locator(".cluster .rich-text")).to_contain_text(DESCRIPTION)

    log_in(page, "oversaetter", "oversaetter-pass")
    danish_index = alias.get_parent()
    page.goto(f"/admin/pages/{danish_index.pk}/")
    page.get_by_role("link", name="Hydrogen Valley Syd").first.click()
    page.wait_for_url(f"**/admin/pages/{alias.pk}/edit/")
    expect(page.get_by_text("This page hasn't been translated yet")).to_be_visible()
    snap(page, "danish alias")

    page.get_by_role("link", name="Translate this page").click()
    expect(page.get_by_role("checkbox", name="Dansk")).to_be_checked()
    snap(page, "submit translation")
    page.get_by_role("button", name="Submit").click()
    # Back to the page's edit view (its URL was in the query string), now a translation.
    expect(page).to_have_url(re.compile(rf"/admin/pages/{alias.pk}/edit/$"))

    # wagtail-localize's translation editor: one segment per piece of text.
    translate_segment(page, DESCRIPTION, DANISH_DESCRIPTION)
    snap(page, "cluster segment translated")
    page.get_by_role("button", name="Publish in Dansk").click()
    expect(page.locator(".messages")).to_contain_text("Published")
    snap(page, "cluster published")
    danish = ClusterPage.objects.get(pk=alias.pk)
    assert danish.alias_of_id is None and danish.live

    # The tag's name: a snippet per language, translated the same way.
    page.goto("/admin/snippets/clusterdirectory/industrytagname/")
    row = page.locator("tr", has_text="Hydrogen")
    row.get_by_role("button", name="More options").click()
    row.get_by_role("link", name="Translate").click()
    page.get_by_role("checkbox", name="Dansk").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url("**/admin/snippets/clusterdirectory/industrytagname/edit/*/")
    translate_segment(page, "Hydrogen", "Brint")
    snap(page, "tag name translated")
    page.get_by_role("button", name="Publish in Dansk").click()
    expect(page.locator(".messages")).to_contain_text("Published")
    assert IndustryTagName.objects.get(tag__slug="hydrogen", locale__language_code="da").name == (
        "Brint"
    )

    # Danish visitors read the Danish text and tag name, and find the cluster under the tag.
    page.context.clear_cookies()
    page.goto("/da/clusters/hydrogen-valley-syd/")
    expect(page.locator(".cluster .rich-text")).to_contain_text(DANISH_DESCRIPTION)
    expect(page.locator(".cluster .tags")).to_have_text("Brint")
    snap(page, "danish cluster page")
    page.goto("/da/clusters/?tag=hydrogen")
    expect(page.locator("h1")).to_have_text("Deltagende klynger")
    card = page.locator(".cluster-card", has_text="Hydrogen Valley Syd")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Brint")
    snap(page, "danish index filtered by tag")

"""A new page is made only by the editor's own save, and a page is saved only valid, by the
form's save as by autosave (Wagtail's background saves, sent with ``Accept: application/json``
to the same views)."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from clusterdirectory.models import CaseStudyPage
from tests.factories import CaseStudyIndexPageFactory

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def index(root_page, locales):
    return CaseStudyIndexPageFactory(parent=root_page)


def case_study(keyword="test kitchen", **extra):
    return nested_form_data(
        {
            "title": "Test kitchens",
            "slug": "test-kitchens",
            "aim": "Find out what food clusters share.",
            "summary": "",
            "body": streamfield([]),
            "recommendations": streamfield(
                [("recommendation", {"statement": "Share a test kitchen.", "keyword": keyword})]
            ),
            "related_clusters": inline_formset([]),
            "regions": streamfield([]),
            "industries": "",
            **extra,
        }
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["clusterdirectory", "casestudypage", index.pk])


def test_autosave_of_a_new_page_creates_nothing_in_any_language(admin_client, index):
    pages_before = Page.objects.count()

    response = admin_client.post(add_url(index), case_study(), **AUTOSAVE)

    assert response.status_code == 400
    assert json.loads(response.content) == {
        "success": False,
        "error_code": "validation_error",
        "error_message": "Not saved yet: a new page is saved automatically once you have saved it.",
    }
    assert Page.objects.count() == pages_before


def test_the_editors_save_creates_the_page_and_its_aliases(admin_client, index):
    admin_client.post(add_url(index), case_study(), **AUTOSAVE)

    response = admin_client.post(add_url(index), case_study())

    page = CaseStudyPage.objects.get(alias_of=None)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert sorted(
        CaseStudyPage.objects.filter(alias_of=page).values_list("locale__language_code", flat=True)
    ) == ["da", "de"]


def test_autosave_of_a_page_keeps_the_keyword_rule(admin_client, index):
    admin_client.post(add_url(index), case_study())
    page = CaseStudyPage.objects.get(alias_of=None)
    revision = page.latest_revision
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = admin_client.post(edit_url, case_study(keyword="oven"), **AUTOSAVE)

    assert response.status_code == 400
    assert json.loads(response.content)["error_code"] == "validation_error"
    page.refresh_from_db()
    assert page.latest_revision == revision
    assert page.specific.recommendations[0].value["keyword"] == "test kitchen"

    response = admin_client.post(edit_url, case_study(keyword="kitchen"), **AUTOSAVE)

    assert json.loads(response.content)["success"] is True
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().recommendations[0].value["keyword"] == "kitchen"

"""Related case studies in the headless API: in the detail view, in the page's language, never in
listings."""

import jsonschema_rs  # schemathesis's validator
import pytest

from tests.conftest import translate_page
from tests.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory, IndustryTagFactory

CASE_STUDIES = "clusterdirectory.CaseStudyPage"


def api(client, path="pages/", status=200, **params):
    response = client.get(f"/api/v2/{path}", params)
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture
def studies(root_page, locales):
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    food = IndustryTagFactory(name="Food", slug="food")
    index = CaseStudyIndexPageFactory(parent=root_page)
    pages = {}
    for key, title, tags in [
        ("main", "Offshore wind", [wind, food]),
        ("both", "Wind and food", [wind, food]),
        ("one", "Food chains", [food]),
        ("none", "Untagged", []),
    ]:
        page = CaseStudyPageFactory(parent=index, title=title, summary=f"About {title}.")
        if tags:
            page.industries.add(*tags)
            page.save_revision().publish()
        pages[key] = page
    return pages


def test_detail_lists_related_case_studies(client, studies):
    data = api(client, f"pages/{studies['main'].pk}/")
    assert data["related_case_studies"] == [
        {
            "id": studies["both"].pk,
            "title": "Wind and food",
            "url": studies["both"].url,
            "summary": "About Wind and food.",
        },
        {
            "id": studies["one"].pk,
            "title": "Food chains",
            "url": studies["one"].url,
            "summary": "About Food chains.",
        },
    ]
    # The same list in API v3, as its document describes it.
    document = client.get("/api/v3/openapi.json").json()
    properties = document["components"]["schemas"]["CaseStudyPageSchema"]["properties"]
    [listed] = properties["related_case_studies"]["anyOf"][:1]
    assert listed["items"] == {"$ref": "#/components/schemas/CaseStudyLink"}
    validator = jsonschema_rs.Draft202012Validator(
        document["components"]["schemas"]["CaseStudyLink"]
    )
    v3 = client.get(f"/api/v3/pages/{studies['main'].pk}/").json()["related_case_studies"]
    assert v3 == data["related_case_studies"]
    for item in v3:
        validator.validate(item)


def test_related_case_studies_are_in_the_pages_language(client, studies, locales):
    german_main = translate_page(studies["main"], locales["de"])
    german_one = translate_page(studies["one"], locales["de"])
    related = api(client, f"pages/{german_main.pk}/")["related_case_studies"]
    assert [(item["id"], item["url"]) for item in related] == [(german_one.pk, german_one.url)]
    assert related[0]["url"].startswith("/de/")


def test_listings_leave_related_case_studies_out(client, studies):
    data = api(client, type=CASE_STUDIES, fields="*")
    assert len(data["items"]) == 4
    assert all("related_case_studies" not in item for item in data["items"])
    error = api(client, status=400, type=CASE_STUDIES, fields="related_case_studies")
    assert error["message"] == "unknown fields: related_case_studies"

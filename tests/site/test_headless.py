"""The API for other front ends: CORS for configured origins, headless preview of drafts."""

import runpy
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import querydict_from_html

from clusterdirectory.api.v2 import PagePreviewAPIViewSet
from clusterdirectory.headless import OptionalHeadlessPreviewMixin
from clusterdirectory.models import ClusterPage
from cms.settings import base as base_settings
from home.models import HomePage, StandardPage
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsPageFactory,
)

FRONT_END = "https://front.example"
PREVIEW_URL = "https://front.example/api/preview"


@pytest.fixture
def cors(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END, "http://localhost:3000"]


@pytest.fixture
def headless(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": PREVIEW_URL},
    }


@pytest.fixture
def cluster(cluster_index):
    return ClusterPageFactory(parent=cluster_index, title="CEwind", city="Flensburg")


def json_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def form_data(html, model):
    """The admin's page form as a browser would post it. StreamFields are drawn by JavaScript,
    so they are posted empty: the pages these tests preview have none."""
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data


def preview(admin_client, page, **changes):
    """What the editor does: change the edit form (unsaved), then Preview."""
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = form_data(edit.content.decode(), type(page))
    for name, value in changes.items():
        data[name] = value
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    stored = admin_client.post(url, data)
    assert stored.json() == {"is_valid": True, "is_available": True}
    return admin_client.get(url)


def preview_query(response):
    """The external URL the editor is sent to, and its query."""
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(PREVIEW_URL + "?")
    query = {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}
    assert set(query) == {"content_type", "token"}
    return query


# CORS


def test_settings_read_origins_and_preview_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", " https://a.example, http://localhost:3000 ,,")
    monkeypatch.setenv("HEADLESS_PREVIEW_URL", PREVIEW_URL)
    configured = runpy.run_path(base_settings.__file__)
    assert configured["CORS_ALLOWED_ORIGINS"] == ["https://a.example", "http://localhost:3000"]
    assert configured["WAGTAIL_HEADLESS_PREVIEW"]["CLIENT_URLS"] == {"default": PREVIEW_URL}

    monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
    monkeypatch.delenv("HEADLESS_PREVIEW_URL")
    unset = runpy.run_path(base_settings.__file__)
    assert unset["CORS_ALLOWED_ORIGINS"] == []
    assert unset["WAGTAIL_HEADLESS_PREVIEW"]["CLIENT_URLS"] == {"default": ""}
    assert unset["CORS_URLS_REGEX"] == r"^/api/"


def test_configured_origin_may_read_the_api(client, cors, cluster):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONT_END)
    assert json_of(response, 200)["meta"]["total_count"] >= 1
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "origin" in response["Vary"].lower()

    other = client.get("/api/v2/industries/", HTTP_ORIGIN="http://localhost:3000")
    assert other["Access-Control-Allow-Origin"] == "http://localhost:3000"


def test_configured_origin_passes_the_preflight(client, cors, db):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]


def test_unconfigured_origin_gets_no_cors_header(client, cors, cluster):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_no_origin_is_allowed_by_default(client, cluster):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("path", ["/en/clusters/", "/", "/admin/login/", "/documents/1/x.pdf"])
def test_pages_outside_the_api_never_get_the_cors_header(client, cors, cluster, path):
    response = client.get(path, HTTP_ORIGIN=FRONT_END)
    assert response.status_code in (200, 302, 404)
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        path, HTTP_ORIGIN=FRONT_END, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in preflight


# Headless preview


def test_every_page_type_visitors_see_can_preview_headless():
    page_types = [model for model in get_page_models() if model._meta.label != "wagtailcore.Page"]
    assert {model._meta.label for model in page_types} >= {
        "home.HomePage",
        "home.StandardPage",
        "clusterdirectory.ClusterPage",
    }
    for model in page_types:
        assert issubclass(model, OptionalHeadlessPreviewMixin), model


def test_editor_previews_a_draft_in_the_external_front_end(
    headless, admin_client, client, cors, cluster
):
    response = preview(admin_client, cluster, title="CEwind (draft)", city="Husum")
    query = preview_query(response)
    assert query["content_type"] == "clusterdirectory.clusterpage"

    # The front end, on its own origin and without the editor's session, fetches the draft.
    front_end = Client()
    response = front_end.get("/api/v2/page_preview/", query, HTTP_ORIGIN=FRONT_END)
    draft = json_of(response, 200)
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert draft["id"] == cluster.pk
    assert draft["title"] == "CEwind (draft)"
    assert draft["address"]["city"] == "Husum"
    assert draft["meta"]["type"] == "clusterdirectory.ClusterPage"

    # Shaped like the pages detail endpoint, and linking to it.
    published = json_of(front_end.get(f"/api/v2/pages/{cluster.pk}/"), 200)
    assert published["title"] == "CEwind"
    assert published["address"]["city"] == "Flensburg"
    assert set(draft) == set(published)
    assert set(draft["meta"]) == set(published["meta"])
    assert draft["meta"]["detail_url"] == published["meta"]["detail_url"]
    assert published["meta"]["detail_url"].endswith(f"/api/v2/pages/{cluster.pk}/")

    # As in the package's examples, with any id in the path, and with ``fields``.
    same = json_of(front_end.get("/api/v2/page_preview/1/", query), 200)
    assert same["title"] == "CEwind (draft)"
    fields = {"fields": "_,title,address"}
    narrow = json_of(front_end.get("/api/v2/page_preview/", {**query, **fields}), 200)
    assert narrow == {"title": "CEwind (draft)", "address": draft["address"]}
    assert set(json_of(front_end.get(f"/api/v2/pages/{cluster.pk}/", fields), 200)) == set(narrow)

    # Nothing was published.
    listed = json_of(front_end.get("/api/v2/pages/", {"search": "draft"}), 200)
    assert listed["items"] == []
    cluster.refresh_from_db()
    assert cluster.title == "CEwind"


def test_unpublished_page_is_previewed_but_never_listed(
    headless, admin_client, client, cluster_index, admin_user
):
    draft = ClusterPageFactory(parent=cluster_index, title="Secret cluster", live=False)
    draft.save_revision(user=admin_user)

    query = preview_query(preview(admin_client, draft))
    data = json_of(client.get("/api/v2/page_preview/", query), 200)
    assert data["title"] == "Secret cluster"
    assert data["id"] == draft.pk

    listing = json_of(client.get("/api/v2/pages/", {"type": "clusterdirectory.ClusterPage"}), 200)
    assert draft.pk not in [item["id"] for item in listing["items"]]
    assert json_of(client.get(f"/api/v2/pages/{draft.pk}/"), 404)["message"]
    assert json_of(client.get("/api/v2/pages/", {"search": "Secret"}), 200)["items"] == []


def test_a_new_page_is_previewed_before_its_first_save(headless, admin_client, client, cluster):
    index = cluster.get_parent()
    args = ["clusterdirectory", "clusterpage", index.pk]
    create = admin_client.get(reverse("wagtailadmin_pages:add", args=args))
    data = form_data(create.content.decode(), ClusterPage)
    data.update({"title": "Brand new", "slug": "brand-new", "country": "DE"})
    url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert admin_client.post(url, data).json() == {"is_valid": True, "is_available": True}

    query = preview_query(admin_client.get(url))
    new = json_of(client.get("/api/v2/page_preview/", query), 200)
    assert new["title"] == "Brand new"
    assert new["id"] == 0
    assert new["meta"]["parent"]["id"] == index.pk


def signed(value, salt="headlesspreview.token"):
    return signing.TimestampSigner(salt=salt).sign(value)


@pytest.mark.parametrize(
    "params, status",
    [
        ({}, 400),
        ({"content_type": "clusterdirectory.clusterpage"}, 400),
        ({"token": "x"}, 400),
        ({"content_type": "clusterdirectory.clusterpage", "token": "forged"}, 404),
        ({"content_type": "clusterdirectory.clusterpage", "token": "id=1:abc:def"}, 404),
        # Signed with another salt: a token from some other part of Django.
        ({"content_type": "clusterdirectory.clusterpage", "token": signed("id=1", "x")}, 404),
        # Correctly signed, but no preview was ever stored under it.
        ({"content_type": "clusterdirectory.clusterpage", "token": signed("id=1")}, 404),
        ({"content_type": "nope.nope", "token": signed("id=1")}, 404),
        ({"content_type": "nodot", "token": signed("id=1")}, 404),
        ({"content_type": "a.b.c", "token": signed("id=1")}, 404),
        ({"content_type": "auth.user", "token": signed("id=1")}, 404),
        ({"content_type": "wagtailcore.page", "token": signed("id=1")}, 404),
        ({"content_type": "x", "token": "y", "colour": "red"}, 400),
    ],
)
def test_bad_preview_requests_are_json_errors(client, db, params, status):
    assert json_of(client.get("/api/v2/page_preview/", params), status)["message"]


def test_preview_token_is_for_its_page_type_and_short_lived(
    headless, admin_client, client, cluster, monkeypatch
):
    query = preview_query(preview(admin_client, cluster, title="CEwind (draft)"))
    wrong_type = {**query, "content_type": "clusterdirectory.eventpage"}
    assert json_of(client.get("/api/v2/page_preview/", wrong_type), 404)["message"]
    tampered = {**query, "token": query["token"].replace("id=", "id=9")}
    assert json_of(client.get("/api/v2/page_preview/", tampered), 404)["message"]

    monkeypatch.setattr(PagePreviewAPIViewSet, "token_max_age", -1)
    expired = json_of(client.get("/api/v2/page_preview/", query), 404)
    assert "expired" in expired["message"]


@pytest.mark.parametrize(
    "config",
    [
        {"CLIENT_URLS": {"default": ""}, "REDIRECT_ON_PREVIEW": True},  # env var unset
        {},  # the package's own defaults: no client URL at all
        None,  # the setting removed
    ],
)
def test_without_a_front_end_the_admin_preview_renders_html(
    settings, admin_client, cluster, config
):
    if config is None:
        del settings.WAGTAIL_HEADLESS_PREVIEW
    else:
        settings.WAGTAIL_HEADLESS_PREVIEW = config
    response = preview(admin_client, cluster, title="CEwind (draft)")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "CEwind (draft)" in response.content.decode()


@pytest.fixture
def every_page_type(root_page, locales):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="InTra-Net", slug="start"))
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    clusters = ClusterIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    studies = CaseStudyIndexPageFactory(parent=home)
    pages = [
        home,
        about,
        clusters,
        ClusterPageFactory(parent=clusters),
        events,
        EventPageFactory(parent=events),
        NewsPageFactory(parent=events),
        studies,
        CaseStudyPageFactory(parent=studies),
    ]
    assert {type(page) for page in pages} == {
        model for model in get_page_models() if model._meta.label != "wagtailcore.Page"
    }
    return pages


def test_without_a_front_end_every_page_type_previews_here(
    page_test, admin_client, admin_user, every_page_type
):
    for page in every_page_type:
        admin_client.force_login(admin_user)  # assertPageIsPreviewable logs out
        edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        page_test.assertPageIsPreviewable(
            page, post_data=form_data(edit.content.decode(), type(page))
        )

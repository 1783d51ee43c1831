"""The headless API: page filters, translated tag names, the industries endpoint, errors."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site, Workflow

from clusterdirectory.cache import content_changed
from clusterdirectory.models import CaseStudyRelatedCluster
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    create_clusters,
    make_tags,
)

CLUSTERS = "clusterdirectory.ClusterPage"


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Food", "Offshore", german={"wind-energy": "Windenergie"})


@pytest.fixture
def clusters(cluster_index, tags):
    return {
        "cewind": ClusterPageFactory(
            parent=cluster_index,
            title="CEwind",
            country="DE",
            city="Flensburg",
            contact_name="Axel Wiese",
            contact_email="wiese@cewind.de",
            show_contact_email=True,
            industries=[tags["wind-energy"]],
        ),
        "offshore": ClusterPageFactory(
            parent=cluster_index,
            title="Offshore Center Denmark",
            country="DK",
            industries=[tags["wind-energy"], tags["offshore"]],
        ),
        "food": ClusterPageFactory(
            parent=cluster_index,
            title="Food Cluster",
            country="DK",
            focus_areas="Dairy",
            industries=[tags["food"]],
        ),
    }


def api(client, path="pages/", status=200, **params):
    response = client.get(f"/api/v2/{path}", params)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


def test_filter_by_industry_slug(client, clusters):
    assert titles(api(client, type=CLUSTERS, industry="wind-energy")) == [
        "CEwind",
        "Offshore Center Denmark",
    ]


@pytest.mark.parametrize(
    "industry", [["wind-energy", "offshore"], "wind-energy,offshore", "wind-energy, offshore"]
)
def test_several_industries_must_all_match(client, clusters, industry):
    assert titles(api(client, type=CLUSTERS, industry=industry)) == ["Offshore Center Denmark"]


def test_industry_filter_works_without_a_type(client, clusters):
    assert titles(api(client, industry="food")) == ["Food Cluster"]


def test_filter_by_country(client, clusters):
    assert titles(api(client, type=CLUSTERS, country="DK")) == [
        "Food Cluster",
        "Offshore Center Denmark",
    ]
    assert titles(api(client, type=CLUSTERS, country="de")) == ["CEwind"]


def test_industry_filter_combines_with_search(client, clusters):
    data = api(client, type=CLUSTERS, industry="wind-energy", search="offshore")
    assert titles(data) == ["Offshore Center Denmark"]


def test_filters_combine_with_wagtails_own(client, cluster_index, clusters):
    data = api(
        client,
        type=CLUSTERS,
        industry="wind-energy",
        country="DK",
        child_of=cluster_index.pk,
        fields="industries,address",
        order="title",
        limit=1,
        offset=0,
    )
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["industries"] == [
        {"slug": "offshore", "name": "Offshore"},
        {"slug": "wind-energy", "name": "Wind energy"},
    ] or sorted(i["slug"] for i in item["industries"]) == ["offshore", "wind-energy"]
    assert item["address"]["country"] == "DK"


def test_tags_carry_the_name_in_the_pages_language(client, clusters, locales):
    german = translate_page(clusters["cewind"], locales["de"])
    data = api(client, type=CLUSTERS, locale="de", fields="industries", industry="wind-energy")
    assert [item["id"] for item in data["items"]] == [german.pk]
    assert data["items"][0]["industries"] == [{"slug": "wind-energy", "name": "Windenergie"}]
    detail = api(client, f"pages/{clusters['cewind'].pk}/")
    assert detail["industries"] == [{"slug": "wind-energy", "name": "Wind energy"}]


def test_translation_of_filter(client, clusters, locales):
    german = translate_page(clusters["food"], locales["de"])
    data = api(client, translation_of=clusters["food"].pk, locale="de")
    assert [item["id"] for item in data["items"]] == [german.pk]


def test_cluster_detail_has_address_contact_and_logo(client, clusters):
    cewind = clusters["cewind"]
    cewind.logo = get_image_model().objects.create(title="logo", file=get_test_image_file())
    cewind.save_revision().publish()
    data = api(client, f"pages/{cewind.pk}/")
    assert data["address"]["city"] == "Flensburg"
    assert data["address"]["country_name"] == "Germany"
    assert data["contact"] == {
        "name": "Axel Wiese",
        "job_title": "",
        "email": "wiese@cewind.de",
        "phone": "",
    }
    assert set(data["logo"]) >= {"url", "width", "height", "alt"}


def test_upcoming_events(client, root_page, locales):
    index = EventIndexPageFactory(parent=root_page)
    now = timezone.now()
    EventPageFactory(
        parent=index,
        title="Next",
        starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=4),
    )
    EventPageFactory(
        parent=index,
        title="Past",
        starts_at=now - datetime.timedelta(days=4),
        ends_at=now - datetime.timedelta(days=3),
    )
    event_type = "clusterdirectory.EventPage"
    assert titles(api(client, type=event_type, upcoming="true")) == ["Next"]
    assert titles(api(client, type=event_type, upcoming="false")) == ["Past"]


def test_case_study_lists_related_clusters_in_its_language(client, root_page, clusters, locales):
    index = CaseStudyIndexPageFactory(parent=root_page)
    study = CaseStudyPageFactory(parent=index)
    CaseStudyRelatedCluster.objects.create(page=study, cluster=clusters["cewind"])
    german_cluster = translate_page(clusters["cewind"], locales["de"])
    german_study = translate_page(study, locales["de"])
    data = api(client, f"pages/{german_study.pk}/")
    assert data["related_clusters"] == [
        {"id": german_cluster.pk, "title": "CEwind", "url": german_cluster.url}
    ]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"locale": "xx"}, "unknown locale: xx"),
        ({"industry": "no-such"}, "unknown industry: no-such"),
        ({"country": "SE"}, "unknown country: SE"),
        ({"upcoming": "maybe"}, "upcoming must be true or false"),
        ({"limit": "abc"}, "limit must be a positive integer"),
        ({"offset": "-1"}, "offset must be a positive integer"),
        ({"limit": "100000"}, "limit cannot be higher than"),
        ({"colour": "red"}, "query parameter is not an operation or a recognised field"),
        ({"type": "nope.Nope"}, "type doesn't exist"),
        # A 500 in Wagtail's own pages endpoint:
        ({"search": "wind", "search_operator": "xor"}, "search_operator must be and or or"),
        ({"search": "wind\x00"}, "search must not contain null characters"),
        ({"offset": str(2**63)}, "offset cannot be higher than"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, clusters, params, message):
    assert message in api(client, status=400, **params)["message"]


def test_find_by_a_non_numeric_id_is_a_400_not_a_500(client, clusters):
    assert "id must be" in api(client, "pages/find/", status=400, id="abc")["message"]


@pytest.mark.parametrize("path", ["pages/999999/", "no/such/endpoint/", "nothing"])
def test_unknown_api_urls_answer_404_in_json_not_a_redirect(client, db, path):
    assert "message" in api(client, path, status=404)


def test_only_live_public_pages_appear(client, cluster_index, clusters, tags, admin_user):
    draft = ClusterPageFactory(parent=cluster_index, title="Draft", industries=[tags["food"]])
    draft.unpublish()
    private = ClusterPageFactory(parent=cluster_index, title="Private", industries=[tags["food"]])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    in_moderation = ClusterPageFactory(parent=cluster_index, title="Waiting", live=False)
    in_moderation.industries.add(tags["food"])
    in_moderation.save_revision(user=admin_user)
    Workflow.objects.get(name="Moderators approval").start(in_moderation, admin_user)
    assert in_moderation.workflow_in_progress

    listed = titles(api(client, type=CLUSTERS, industry="food"))
    assert listed == ["Food Cluster"]
    assert titles(api(client, search="Draft")) == []
    for page in (draft, private, in_moderation):
        api(client, f"pages/{page.pk}/", status=404)
    food = next(i for i in api(client, "industries/")["items"] if i["slug"] == "food")
    assert food["counts"]["clusters"] == 1


def test_industries_endpoint_names_and_counts_per_locale(client, clusters, locales):
    translate_page(clusters["cewind"], locales["de"])
    data = api(client, "industries/", locale="de")
    by_slug = {item["slug"]: item for item in data["items"]}
    assert by_slug["wind-energy"] == {
        "slug": "wind-energy",
        "name": "Windenergie",
        "counts": {"clusters": 1, "events": 0, "case_studies": 0},
    }
    assert by_slug["food"]["counts"]["clusters"] == 0
    english = {item["slug"]: item for item in api(client, "industries/")["items"]}
    assert english["wind-energy"]["counts"]["clusters"] == 2
    assert "unknown locale" in api(client, "industries/", status=400, locale="xx")["message"]


def _queries(client, params, cold=False):
    client.get("/api/v2/pages/", params)
    if cold:  # as after a content change: ids counted and items serialized again
        content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    return len(captured)


def test_each_site_lists_its_own_pages_of_a_type(client, root_page, clusters, tags, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other_root = Page.get_first_root_node().add_child(title="Other", slug="other-home")
    other_index = ClusterIndexPageFactory(parent=other_root, slug="clusters")
    ClusterPageFactory(parent=other_index, title="Elsewhere", industries=[tags["food"]])
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    for params in ({"type": CLUSTERS}, {"type": CLUSTERS, "industry": "food"}, {}):
        own = titles(api(client, **params))
        assert "Elsewhere" not in own and "Food Cluster" in own
        response = client.get("/api/v2/pages/", params, headers={"host": "other.example"})
        other = sorted(item["title"] for item in response.json()["items"])
        assert "Elsewhere" in other and "Food Cluster" not in other
    assert titles(api(client, type=CLUSTERS, site="other.example")) == ["Elsewhere"]
    for params in ({"type": CLUSTERS}, {}):  # as Wagtail answers an unknown site
        assert "message" in api(client, status=404, site="nowhere.example", **params)


@pytest.mark.parametrize("cold", [False, True], ids=["kept", "after a change"])
def test_api_listing_queries_do_not_grow_with_the_results(client, root_page, tags, cold):
    small = ClusterIndexPageFactory(parent=root_page, slug="small")
    large = ClusterIndexPageFactory(parent=root_page, slug="large")
    create_clusters(small, 5, [tags["wind-energy"], tags["food"]])
    create_clusters(large, 200, [tags["wind-energy"], tags["food"]])
    base = {"type": CLUSTERS, "fields": "*", "industry": "wind-energy", "limit": 100}
    small_count = _queries(client, {**base, "child_of": small.pk}, cold)
    large_count = _queries(client, {**base, "child_of": large.pk}, cold)
    assert small_count == large_count
    assert large_count <= 20


@pytest.mark.parametrize("params", [{"first_published_at": "abc"}, {"show_in_menus": "perhaps"}])
def test_field_filters_with_values_of_the_wrong_type_are_a_400(client, clusters, params):
    assert "message" in api(client, status=400, **params)

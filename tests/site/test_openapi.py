"""The OpenAPI document at /api/v2/openapi.json is valid and true: schemathesis sends every
documented operation generated requests (valid and invalid ones) on a small real data set and
runs all its checks on the answers."""

import datetime
import re

import pytest
import schemathesis
from django.core.files.base import ContentFile
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi.checks import RejectedPositiveData
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from clusterdirectory.api.v2 import ContentPagesAPIViewSet, IndustriesAPIViewSet
from clusterdirectory.models import CaseStudyRelatedCluster, IndustryTagName
from home.api import MenusAPIViewSet
from home.models import Menu, StandardPage
from tests.conftest import translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
    NewsPageFactory,
)
from tests.menus import make_menu

OPENAPI = "/api/v2/openapi.json"
# The requests run in this process on the test's database connection; the data must be
# committed for Wagtail's own queries, and the rollback gives later tests the root page back.
LIVE_DATA = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A request the schema allows can still be a 400 when what it names does not exist or when it
# combines parameters that cannot be combined; the document's 400 description lists these.
UNSATISFIABLE = re.compile(
    r"unknown (fields|industry): |cannot order by |page doesn't exist$"
    r"|random ordering with offset|filtering by descendant_of with child_of"
)


@pytest.fixture
def api_data(root_page, cluster_index, locales):
    """Clusters in Denmark and Germany with industry tags, translated to German; events, news,
    a case study, a standard page, an image and a document."""
    tags = {
        slug: IndustryTagFactory(name=name, slug=slug)
        for slug, name in [
            ("wind-energy", "Wind energy"),
            ("offshore", "Offshore"),
            ("food", "Food"),
        ]
    }
    name = IndustryTagName.objects.get(tag=tags["wind-energy"], locale=locales["en"])
    german = name.copy_for_translation(locales["de"])
    german.name = "Windenergie"
    german.save()
    image = get_image_model().objects.create(title="Harbour", file=get_test_image_file())
    document = get_document_model().objects.create(
        title="Final report", file=ContentFile(b"%PDF-1.4 report", name="final-report.pdf")
    )
    Site.objects.filter(root_page=root_page).update(hostname="localhost")  # as in the demo
    cluster_index.show_in_menus = True
    cluster_index.save_revision().publish()

    cewind = ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        country="DE",
        city="Flensburg",
        website="https://www.cewind.de/",
        logo=image,
        contact_name="Axel Wiese",
        contact_email="wiese@cewind.de",
        founded_year=2005,
        members_count=80,
        services=[{"type": "service", "value": "Matchmaking"}],
        description="<p>Wind energy research in <b>Schleswig-Holstein</b>.</p>",
        industries=[tags["wind-energy"]],
    )
    offshore = ClusterPageFactory(
        parent=cluster_index,
        title="Offshore Center Denmark",
        city="Esbjerg",
        industries=[tags["wind-energy"], tags["offshore"]],
    )
    ClusterPageFactory(parent=cluster_index, title="Food Cluster", industries=[tags["food"]])

    events = EventIndexPageFactory(parent=root_page)
    now = timezone.now()
    event = EventPageFactory(
        parent=events,
        title="Matchmaking in Kolding",
        location="Kolding",
        summary="Meet partners across the border.",
        image=image,
        focus_topics=[{"type": "topic", "value": "Open innovation"}],
        programme=[
            {"type": "heading", "value": "Programme"},
            {"type": "paragraph", "value": '<p>Talks, <a href="https://example.com">lunch</a></p>'},
            {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
        ],
        registration_url="https://example.com/register",
    )
    EventPageFactory(
        parent=events,
        title="Kick-off",
        starts_at=now - datetime.timedelta(days=400),
        ends_at=now - datetime.timedelta(days=400, hours=-4),
        all_day=True,
    )
    news = NewsPageFactory(
        parent=events, summary="A new partner.", body=[{"type": "heading", "value": "News"}]
    )
    studies = CaseStudyIndexPageFactory(parent=root_page)
    study = CaseStudyPageFactory(
        parent=studies,
        summary="What clusters learnt.",
        recommendations=[
            {
                "type": "recommendation",
                "value": {"statement": "Start a labour mobility programme.", "keyword": "labour"},
            }
        ],
        regions=[{"type": "region", "value": "Syddanmark"}],
    )
    CaseStudyRelatedCluster.objects.create(page=study, cluster=cewind)
    for page, tag in [(event, "wind-energy"), (news, "food"), (study, "offshore")]:
        page.industries.add(tags[tag])
        page.save_revision().publish()
    about = StandardPage(
        title="About the Project",
        slug="about",
        introduction="Clusters on both sides of the border.",
        body=[
            {"type": "heading", "value": {"text": "Aims", "level": "h2"}},
            {"type": "quote", "value": {"quote": "Clusters need partners.", "attribution": ""}},
            {"type": "key_figures", "value": {"figures": [{"figure": "21", "label": "clusters"}]}},
        ],
    )
    root_page.add_child(instance=about)
    about.save_revision().publish()

    for page in (cewind, offshore, study, about):
        translate_page(page, locales["de"])
    make_menu(Menu.Placement.HEADER, [(about, ""), ("https://interreg.eu/", "Interreg")])
    return {
        "pages": sorted(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)),
        "images": [image.pk],
        "documents": [document.pk],
    }


def known_values(api_data):
    """Drawn ids and hostnames rarely exist: half the time, take the data set's instead."""
    often = {"probability": 0.5}
    pages = {"dictionary": "pages", **often}
    return {
        "dictionaries": {
            "sites": {"values": ["localhost"]},
            **{name: {"values": ids} for name, ids in api_data.items()},
        },
        "operations": [
            {
                "include-path": "/pages/",
                "parameters": {
                    "query.site": {"dictionary": "sites", **often},
                    **{
                        f"query.{name}": pages
                        for name in ("child_of", "ancestor_of", "descendant_of", "translation_of")
                    },
                },
            },
            *(
                {
                    "include-path": f"/{endpoint}/{{id}}/",
                    "parameters": {"path.id": {"dictionary": endpoint, **often}},
                }
                for endpoint in api_data
            ),
            *(
                {
                    "include-path": f"/{endpoint}/find/",
                    "parameters": {"query.id": {"dictionary": endpoint, **often}},
                }
                for endpoint in api_data
            ),
        ],
    }


@pytest.fixture
def api_schema(api_data):
    config = SchemathesisConfig.from_dict(
        {"generation": {"deterministic": True}, **known_values(api_data)}
    )
    schema = schemathesis.openapi.from_wsgi(OPENAPI, get_wsgi_application(), config=config)

    @schema.hook
    def filter_failure(ctx, failure, case, response):
        if isinstance(failure, RejectedPositiveData) and response.status_code == 400:
            return not UNSATISFIABLE.search(response.json()["message"])
        return True

    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def node_id_for_schemathesis(request):
    # schemathesis 4.32's from_fixture reads and sets Node._nodeid, which pytest 9.2 no longer has.
    request.node._nodeid = request.node.nodeid


@LIVE_DATA
@pytest.mark.usefixtures("node_id_for_schemathesis")
@settings(
    max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@schema.parametrize()
def test_api_answers_as_documented(case):
    case.call_and_validate()


@LIVE_DATA
def test_every_page_type_and_field_as_documented(api_schema, api_data):
    """Each page of the data set with all its fields, alone and in a listing of its type, with
    each rich text format: the generated requests above rarely hit all of these."""
    detail, listing = api_schema["/pages/{id}/"]["GET"], api_schema["/pages/"]["GET"]
    for page in Page.objects.filter(pk__in=api_data["pages"]).specific():
        for rich_text_format in ("db_html", "html", "markdown"):
            query = {"rich_text_format": rich_text_format}
            detail.Case(path_parameters={"id": page.pk}, query=query).call_and_validate()
            listing.Case(
                query={**query, "type": page._meta.label, "fields": "*"}
            ).call_and_validate()


def test_document_is_valid_openapi(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    schemathesis.openapi.from_dict(response.json()).validate()


def test_every_parameter_has_a_description_and_an_example(client):
    document = client.get(OPENAPI).json()
    for path, operations in document["paths"].items():
        for parameter in operations["get"]["parameters"]:
            if "$ref" in parameter:
                parameter = document["components"]["parameters"][parameter["$ref"].split("/")[-1]]
            assert parameter["description"] and "example" in parameter, (path, parameter)


@pytest.mark.parametrize(
    "path, viewset",
    [
        ("/pages/", ContentPagesAPIViewSet),
        ("/images/", ImagesAPIViewSet),
        ("/documents/", DocumentsAPIViewSet),
        ("/industries/", IndustriesAPIViewSet),
        ("/menus/", MenusAPIViewSet),
    ],
)
def test_every_parameter_the_api_knows_is_documented(client, path, viewset):
    document = client.get(OPENAPI).json()
    names = {
        document["components"]["parameters"][ref["$ref"].split("/")[-1]]["name"]
        for ref in document["paths"][path]["get"]["parameters"]
    }
    # Not documented: DRF's browsable API (format=api) and jQuery's cache busting.
    assert viewset.known_query_parameters - names == {"format", "_"}

"""The API v3's OpenAPI document is valid and true: schemathesis sends every documented
operation generated requests (valid and invalid ones, with every check) on a small real data
set, the plugin's forms included."""

import datetime
import re

import pytest
import schemathesis
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi.checks import RejectedPositiveData
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from clusterdirectory.models import CaseStudyRelatedCluster, IndustryTagName
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

OPENAPI = "/api/v3/openapi.json"
# Two combinations of valid parameters that Wagtail's own listings refuse (a 422), which an
# OpenAPI document cannot express (its parameter descriptions say so); and names of what
# does not exist (an order field, a page that is not public, an industry), refused with a
# 400 or 422: the data set decides, not the schema.
CANNOT_COMBINE = re.compile(
    r"random ordering with offset is not supported|filtering by descendant_of with child_of"
    r"|invalid fields for model|No Page matches the given|unknown industry: \S"
)
LIVE_DATA = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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


@pytest.fixture
def api_v3_schema(api_data):
    often = {"probability": 0.5}
    config = SchemathesisConfig.from_dict(
        {
            "generation": {"deterministic": True},
            "dictionaries": {name: {"values": ids} for name, ids in api_data.items()},
            "operations": [
                {
                    "include-path-regex": "^/api/v3/pages/",
                    "parameters": {"path.page_id": {"dictionary": "pages", **often}},
                },
                {
                    "include-path": "/api/v3/contact-requests/",
                    "parameters": {"body.cluster": {"dictionary": "pages", **often}},
                },
                # A form's fields can be well-formed and still be refused with the forms'
                # 400: a phone number that does not exist, a website that is no URL.
                *(
                    {
                        "include-path": path,
                        "checks": {
                            "positive_data_acceptance": {
                                "expected-statuses": ["2xx", "400", "404", "429"]
                            }
                        },
                    }
                    for path in ("/api/v3/cluster-registrations/", "/api/v3/contact-requests/")
                ),
            ],
        }
    )
    schema = schemathesis.openapi.from_wsgi(OPENAPI, get_wsgi_application(), config=config)

    @schema.hook
    def filter_failure(ctx, failure, case, response):
        if isinstance(failure, RejectedPositiveData) and response.status_code in (400, 422):
            return not CANNOT_COMBINE.search(response.text)
        return True

    return schema


schema = schemathesis.pytest.from_fixture("api_v3_schema")


@pytest.fixture
def node_id_for_schemathesis(request):
    # schemathesis 4.32's from_fixture reads and sets Node._nodeid, which pytest 9.2 no longer has.
    request.node._nodeid = request.node.nodeid


@LIVE_DATA
@pytest.mark.usefixtures("node_id_for_schemathesis")
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@schema.parametrize()
def test_api_v3_answers_as_documented(case):
    cache.clear()  # the forms' rate limit would answer 429 after five
    case.call_and_validate()


def test_document_is_valid_openapi(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    document = response.json()
    schemathesis.openapi.from_dict(document).validate()
    assert document["info"]["title"] == "InTra-Net API"


def test_the_combinations_wagtail_refuses_are_described(client):
    document = client.get(OPENAPI).json()
    pages = {p["name"]: p for p in document["paths"]["/api/v3/pages/"]["get"]["parameters"]}
    assert "not with child_of" in pages["descendant_of"]["description"]
    images = {p["name"]: p for p in document["paths"]["/api/v3/images/"]["get"]["parameters"]}
    assert "not with an offset" in images["order"]["description"]

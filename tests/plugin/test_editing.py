"""What editors meet in the admin: a new cluster page's defaults, the grouped cluster page
form, help texts in Matchpoint's inspect views and block previews in any host site.

Host-agnostic, like the rest of ``tests/plugin``.
"""

import re

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clusterdirectory.blocks import PREVIEW_TEMPLATE
from clusterdirectory.models import (
    CaseStudyPage,
    ClusterPage,
    ClusterRegistration,
    ContactRequest,
    Country,
    EventPage,
    NewsPage,
)
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    ClusterRegistrationFactory,
    EventIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def create_url(index):
    return reverse("wagtailadmin_pages:add", args=["clusterdirectory", "clusterpage", index.pk])


def selected_country(html):
    select = re.search(r'<select name="country".*?</select>', html, re.DOTALL).group()
    return re.findall(r'<option value="([^"]*)" selected>', select)


# A new cluster page's defaults ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "country"),
    [("en", ""), ("da", Country.DENMARK), ("de", Country.GERMANY)],
)
def test_new_cluster_page_starts_in_the_country_of_its_directorys_language(
    admin_client, cluster_index, locales, language, country
):
    index = cluster_index
    if language != "en":
        index = translate_page(cluster_index, locales[language])

    response = admin_client.get(create_url(index))

    assert response.status_code == 200
    form = response.context["form"]
    assert form["country"].value() == country
    assert selected_country(response.content.decode()) == [country]
    # The e-mail stays private until the cluster agrees; the founding year is left to fill in.
    assert form["show_contact_email"].value() is False
    assert form["founded_year"].value() is None


def test_country_preset_follows_the_base_language():
    assert Country.of_language("da") == Country.DENMARK
    assert Country.of_language("de-AT") == Country.GERMANY
    assert Country.of_language("en") == ""


def test_cluster_page_created_with_the_preset_country(
    page_test, admin_client, cluster_index, locales
):
    danish_index = translate_page(cluster_index, locales["da"])
    form = admin_client.get(create_url(danish_index)).context["form"]

    page_test.assertCanCreate(
        danish_index,
        ClusterPage,
        nested_form_data(
            {
                "title": "Fødevareklyngen",
                "slug": "foedevareklyngen",
                "country": form["country"].value(),
                "city": "Vejle",
                "industries": "",
                "services": streamfield([]),
                "description": rich_text(""),
                "partner_links": inline_formset([]),
            }
        ),
    )

    page = ClusterPage.objects.get(slug="foedevareklyngen", alias_of=None)
    assert page.locale == locales["da"]
    assert page.country == Country.DENMARK
    # A cluster made in any language is a cluster in every language: an alias in English,
    # the other language the index has here.
    assert [alias.locale for alias in ClusterPage.objects.filter(alias_of=page)] == [locales["en"]]
    assert page.show_contact_email is False
    assert page.founded_year is None


def test_editing_an_existing_cluster_page_keeps_its_country(admin_client, cluster_index, locales):
    danish_index = translate_page(cluster_index, locales["da"])
    german_cluster = ClusterPageFactory(parent=danish_index, country=Country.GERMANY)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[german_cluster.pk]))

    assert response.context["form"]["country"].value() == Country.GERMANY


# The cluster page form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_type", "index_factory", "headings"),
    [
        (
            ClusterPage,
            ClusterIndexPageFactory,
            [
                "Profile",
                "Address",
                "Contact person",
                "Industries and services",
                "Partners chosen by the editors",
            ],
        ),
        (
            EventPage,
            EventIndexPageFactory,
            [
                "When and where",
                "Card and image",
                "Topics and programme",
                "Clusters taking part",
                "Case studies that came out of this event",
            ],
        ),
    ],
    ids=["ClusterPage", "EventPage"],
)
def test_long_forms_are_grouped_under_headings_and_keep_every_field(
    admin_client, root_page, locales, page_type, index_factory, headings
):
    index = index_factory(parent=root_page)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["clusterdirectory", page_type._meta.model_name, index.pk],
    )

    response = admin_client.get(url)

    html = response.content.decode()
    for heading in headings:
        assert re.search(rf"<h2[^>]*>\s*(<[^>]+>\s*)*{heading}\s*<", html), heading
    own_fields = {
        field.name
        for field in page_type._meta.get_fields(include_parents=False)
        if getattr(field, "editable", False) and not field.auto_created
    }
    assert {"social_image", "industries"} <= own_fields
    assert own_fields - {"page_ptr"} <= set(response.context["form"].fields)


# Matchpoint's inspect views ---------------------------------------------------------------------


def test_registration_inspect_view_explains_the_staff_fields(admin_client, cluster_index):
    registration = ClusterRegistrationFactory(language_code="de", index_page=cluster_index)
    url = reverse("clusterdirectory_registrations:inspect", args=[registration.pk])

    html = admin_client.get(url).content.decode()

    assert "Cluster Nord" in html
    assert str(ClusterRegistration._meta.get_field("status").help_text) in html
    assert str(ClusterRegistration._meta.get_field("language_code").help_text) in html


def test_contact_request_inspect_view_explains_the_relay_fields(admin_client, cluster_index):
    cluster = ClusterPageFactory(parent=cluster_index, title="CEwind")
    request = ContactRequest.objects.create(
        cluster=cluster,
        language_code="en",
        name="Jan Jensen",
        organisation="AluCluster",
        email="jan@alucluster.example",
        message="Shall we meet at the matchmaking event?",
        relay_error="Connection refused",
    )
    url = reverse("clusterdirectory_contact_requests:inspect", args=[request.pk])

    html = admin_client.get(url).content.decode()

    assert "Connection refused" in html
    assert str(ContactRequest._meta.get_field("relay_error").help_text) in html
    assert str(ContactRequest._meta.get_field("relayed_at").help_text) in html


# Block previews, whatever the host site --------------------------------------------------------

PLUGIN_BLOCKS = {
    block.definition_prefix: pytest.param(block, id=f"{model.__name__}.{field.name}.{name}")
    for model in (ClusterPage, EventPage, NewsPage, CaseStudyPage)
    for field in model._meta.get_fields()
    if isinstance(field, StreamField)
    for name, block in field.stream_block.child_blocks.items()
}.values()


@pytest.mark.parametrize("block", PLUGIN_BLOCKS)
def test_plugin_block_previews_need_no_help_from_the_host(admin_client, block):
    assert block.meta.preview_template == PREVIEW_TEMPLATE
    assert block.is_previewable

    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/clusterdirectory/clusterdirectory.css" in html
    main = re.search(r"<main>(.*)</main>", html, re.DOTALL).group(1)
    assert re.sub(r"<[^>]+>|\s", "", main)  # some visible text

"""The InTra-Net site's own page types: tree rules, rendering of every block, admin creation."""

import re
import uuid

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertTemplateUsed
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from clusterdirectory.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ClusterIndexPage,
    ClusterPage,
    EventIndexPage,
    EventPage,
    NewsPage,
)
from home.blocks import (
    HOME_BLOCKS,
    STANDARD_BLOCKS,
    CallToActionBlock,
    HeroBlock,
    KeyFigureBlock,
)
from home.models import HomePage, NetworkContactSettings, StandardPage
from tests.conftest import offered_page_types
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    make_tags,
)

pytestmark = pytest.mark.django_db


def without_block_keys(html):
    """Rich text as saved by Draftail, without the ``data-block-key`` it adds to blocks."""
    return re.sub(r' data-block-key="[^"]*"', "", str(html))


def stream(blocks):
    """Raw StreamField data from ``(block type, raw value)`` pairs."""
    return [{"type": name, "value": value, "id": str(uuid.uuid4())} for name, value in blocks]


def list_items(*values):
    """Raw ListBlock data."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


# Tree rules ------------------------------------------------------------------------------------


def test_home_page_tree_rules(page_test):
    page_test.assertAllowedParentPageTypes(HomePage, {Page})
    page_test.assertAllowedSubpageTypes(
        HomePage, {StandardPage, ClusterIndexPage, EventIndexPage, CaseStudyIndexPage}
    )
    page_test.assertCanNotCreateAt(HomePage, HomePage)
    page_test.assertCanNotCreateAt(StandardPage, HomePage)
    for leaf in (ClusterPage, EventPage, NewsPage, CaseStudyPage):
        page_test.assertCanNotCreateAt(HomePage, leaf)


def test_home_pages_go_only_straight_under_the_tree_root(root_page, locales):
    tree_root = Page.get_first_root_node()
    assert HomePage.can_create_at(tree_root)
    assert not HomePage.can_create_at(root_page)  # the placeholder a new database starts with
    home = tree_root.add_child(instance=HomePage(title="Forside", slug="forside"))
    assert not HomePage.can_create_at(home)
    assert not home.can_move_to(root_page)


def test_admin_offers_only_home_pages_at_the_tree_root(admin_client, root_page, locales):
    assert offered_page_types(admin_client, Page.get_first_root_node()) == {HomePage}
    assert HomePage not in offered_page_types(admin_client, root_page)


def test_admin_offers_each_section_once_under_a_home_page(admin_client, home):
    sections = {ClusterIndexPage, EventIndexPage, CaseStudyIndexPage}
    assert offered_page_types(admin_client, home) == {StandardPage} | sections

    ClusterIndexPageFactory(parent=home)
    EventIndexPageFactory(parent=home)
    CaseStudyIndexPageFactory(parent=home)

    assert offered_page_types(admin_client, home) == {StandardPage}


def test_admin_offers_only_standard_pages_under_a_standard_page(admin_client, home):
    about = home.add_child(instance=StandardPage(title="About the project", slug="about"))
    assert offered_page_types(admin_client, about) == {StandardPage}


def test_standard_page_tree_rules(page_test):
    page_test.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
    page_test.assertAllowedSubpageTypes(StandardPage, {StandardPage})
    page_test.assertCanNotCreateAt(Page, StandardPage)
    for index in (ClusterIndexPage, EventIndexPage, CaseStudyIndexPage):
        page_test.assertCanNotCreateAt(StandardPage, index)
        page_test.assertCanNotCreateAt(index, StandardPage)


# Rendering -------------------------------------------------------------------------------------


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Harbour")


@pytest.fixture
def plugin_pages(home):
    cluster_index = ClusterIndexPageFactory(parent=home)
    event_index = EventIndexPageFactory(parent=home)
    case_study_index = CaseStudyIndexPageFactory(parent=home)
    return {
        "cluster_index": cluster_index,
        "cluster": ClusterPageFactory(parent=cluster_index, title="CEwind", slug="cewind"),
        "event": EventPageFactory(parent=event_index, title="Open Innovation Workshop"),
        "case_study": CaseStudyPageFactory(parent=case_study_index, title="Labour mobility study"),
    }


@pytest.fixture
def standard_samples(image):
    """Per STANDARD_BLOCKS type: a raw value and what its rendering must contain."""
    return {
        "heading": (
            {"text": "Challenges and successes", "level": "h3"},
            "<h3>Challenges and successes</h3>",
        ),
        "paragraph": (
            "<p>Cross-border <b>cooperation</b> works.</p>",
            "<p>Cross-border <b>cooperation</b> works.</p>",
        ),
        "image": (
            {"image": image.pk, "alt_text": "A harbour at dusk", "decorative": False},
            'alt="A harbour at dusk"',
        ),
        "quote": (
            {"quote": "Clusters must go international.", "attribution": "A cluster manager"},
            "<blockquote><p>Clusters must go international.</p></blockquote>",
        ),
        "call_to_action": (
            {
                "heading": "Register your cluster",
                "text": "Meet partners across the border.",
                "button_label": "Register now",
                "page": None,
                "external_url": "https://example.com/register",
            },
            '<a class="button" href="https://example.com/register">Register now'
            '<span class="visually-hidden">: Register your cluster</span></a>',
        ),
        "people": (
            {
                "heading": "Project team",
                "people": list_items(
                    {
                        "name": "Jesper Lund",
                        "role": "Project Manager",
                        "organisation": "REG X",
                        "email": "jl@regx.example",
                        "phone": "+45 2035 3255",
                        "photo": image.pk,
                    }
                ),
            },
            '<a href="mailto:jl@regx.example">jl@regx.example</a>',
        ),
        "partners": (
            {
                "heading": "Project partners",
                "partners": list_items(
                    {
                        "name": "WTSH",
                        "description": "Business development Schleswig-Holstein",
                        "logo": None,
                        "url": "https://wtsh.example",
                    }
                ),
            },
            '<a href="https://wtsh.example">',
        ),
        "key_figures": (
            {
                "heading": "The project in numbers",
                "figures": list_items({"figure": "220.000 €", "label": "from the ERDF"}),
            },
            "<strong>220.000 €</strong> <span>from the ERDF</span>",
        ),
        "cluster_statistics": (
            {"heading": "The network in numbers", "show": "both"},
            "<caption>Clusters per industry</caption>",
        ),
    }


@pytest.fixture
def home_samples(standard_samples, image, plugin_pages):
    """Per HOME_BLOCKS type: a raw value and what its rendering must contain."""
    cluster_index = plugin_pages["cluster_index"]
    return {
        "hero": (
            {
                "heading": "Innovation in Transnational Networks",
                "text": "Clusters on both sides of the border.",
                "button_label": "Find a partner",
                "page": cluster_index.pk,
                "external_url": "",
                "image": image.pk,
            },
            f'<a class="button" href="{cluster_index.url}">Find a partner</a>',
        ),
        **standard_samples,
        "featured_clusters": (
            {"heading": "Featured clusters", "clusters": list_items(plugin_pages["cluster"].pk)},
            f'<a href="{plugin_pages["cluster"].url}">CEwind</a>',
        ),
        "upcoming_events": (
            {"heading": "Next events", "count": 3},
            f'<a href="{plugin_pages["event"].url}">Open Innovation Workshop</a>',
        ),
        "latest_case_studies": (
            {"heading": "Latest case studies", "count": 3},
            f'<a href="{plugin_pages["case_study"].url}">Labour mobility study</a>',
        ),
    }


def test_home_page_renders_every_block_type(page_test, client, home, home_samples):
    assert list(home_samples) == [name for name, _block in HOME_BLOCKS]
    home.body = stream((name, value) for name, (value, _html) in home_samples.items())
    home.save_revision().publish()
    page_test.assertPageIsRenderable(home)

    response = client.get(home.url)

    assert home.url == "/en/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>InTra-Net</title>" in html  # the site name once
    for name, (_value, expected) in home_samples.items():
        assert expected in html, name
    assertTemplateUsed(response, "home/home_page.html")
    assertTemplateUsed(response, "home/blocks/hero_block.html")
    assertTemplateUsed(response, "clusterdirectory/blocks/featured_clusters_block.html")


def test_standard_page_renders_every_block_type(page_test, client, home, standard_samples):
    assert list(standard_samples) == [name for name, _block in STANDARD_BLOCKS]
    page = home.add_child(
        instance=StandardPage(
            title="About the Project",
            slug="about",
            introduction="Two countries, one network.",
            body=stream((name, value) for name, (value, _html) in standard_samples.items()),
        )
    )
    page.add_child(instance=StandardPage(title="Advisory Board", slug="board", show_in_menus=True))
    page.add_child(instance=StandardPage(title="Hidden", slug="hidden", show_in_menus=False))
    page_test.assertPageIsRenderable(page)

    response = client.get(page.url)

    assert page.url == "/en/about/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>About the Project</h1>" in html
    assert '<p class="lead">Two countries, one network.</p>' in html
    for name, (_value, expected) in standard_samples.items():
        assert expected in html, name
    # Children shown in menus are listed as cards, the others not.
    assert '<a href="/en/about/board/">Advisory Board</a>' in html
    assert "/en/about/hidden/" not in html
    assertTemplateUsed(response, "home/standard_page.html")


def test_footer_shows_the_network_contact_details(client, home, plugin_pages):
    contact = NetworkContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.organisation = "InTra-Net secretariat"
    contact.email = "info@intra-net.example"
    contact.save()

    # On the site's own pages and, through the site's base template, on the plugin's.
    for url in (home.url, plugin_pages["cluster_index"].url):
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert "<strong>InTra-Net secretariat</strong>" in footer
        assert '<a href="mailto:info@intra-net.example">info@intra-net.example</a>' in footer


def test_footer_without_contact_details_has_no_empty_mail_link(client, home):
    html = client.get(home.url).content.decode()

    assert 'href="mailto:"' not in html


def test_call_to_action_needs_a_page_or_a_web_address():
    block = CallToActionBlock()
    raw = {"heading": "Join us", "text": "", "button_label": "Join", "page": None}

    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({**raw, "external_url": ""}))

    assert set(excinfo.value.block_errors) == {"page"}
    cleaned = block.clean(block.to_python({**raw, "external_url": "https://example.com/"}))
    assert cleaned.url() == "https://example.com/"
    # The hero's button is optional, and so is its link.
    hero = HeroBlock()
    cleaned_hero = hero.clean(
        hero.to_python({"heading": "Welcome", "page": None, "external_url": ""})
    )
    assert cleaned_hero.url() == ""


# Creating pages through the admin --------------------------------------------------------------


def test_home_page_created_in_admin(page_test, client, root_page, locales):
    tree_root = Page.get_first_root_node()

    page_test.assertCanCreate(
        tree_root,
        HomePage,
        nested_form_data(
            {
                "title": "Forside",
                "slug": "forside",
                "body": streamfield(
                    [
                        (
                            "hero",
                            {
                                "heading": "Welcome",
                                "text": "Clusters across the border.",
                                "button_label": "",
                                "page": "",
                                "external_url": "",
                                "image": "",
                            },
                        ),
                        ("heading", {"text": "What we do", "level": "h2"}),
                        ("upcoming_events", {"heading": "Next events", "count": "3"}),
                    ]
                ),
            }
        ),
    )

    page = HomePage.objects.get(slug="forside")
    assert page.live
    assert page.depth == 2
    assert [block.block_type for block in page.body] == ["hero", "heading", "upcoming_events"]
    assert page.body[0].value["heading"] == "Welcome"
    assert page.body[2].value["count"] == 3


def test_standard_page_created_in_admin(page_test, client, home):
    page_test.assertCanCreate(
        home,
        StandardPage,
        nested_form_data(
            {
                "title": "Contact",
                "introduction": "Write to us.",
                "body": streamfield(
                    [
                        ("heading", {"text": "The secretariat", "level": "h2"}),
                        ("paragraph", rich_text("<p>Open <b>weekdays</b>.</p>")),
                        ("quote", {"quote": "Always helpful.", "attribution": ""}),
                        (
                            "call_to_action",
                            {
                                "heading": "Join us",
                                "text": "",
                                "button_label": "Join",
                                "page": str(home.pk),
                                "external_url": "",
                            },
                        ),
                        (
                            "key_figures",
                            {
                                "heading": "",
                                "figures": {
                                    "count": "1",
                                    "0": {
                                        "value": {"figure": "21", "label": "clusters"},
                                        "deleted": "",
                                        "order": "0",
                                        "id": "",
                                    },
                                },
                            },
                        ),
                    ]
                ),
            }
        ),
    )

    page = StandardPage.objects.get(slug="contact", alias_of=None)
    assert page.live
    assert page.get_parent().pk == home.pk
    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "quote",
        "call_to_action",
        "key_figures",
    ]
    assert without_block_keys(page.body[1].value) == "<p>Open <b>weekdays</b>.</p>"
    assert page.body[3].value["page"].pk == home.pk
    assert [dict(figure) for figure in page.body[4].value["figures"]] == [
        {"figure": "21", "count": "", "label": "clusters"}  # typed, not counted
    ]
    html = without_block_keys(client.get(page.url).content.decode())
    assert "<p>Open <b>weekdays</b>.</p>" in html
    assert (
        '<a class="button" href="/en/">Join<span class="visually-hidden">: Join us</span></a>'
        in html
    )
    assert "<strong>21</strong> <span>clusters</span>" in html


def test_admin_refuses_a_call_to_action_without_a_link(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = nested_form_data(
        {
            "title": "Dead end",
            "slug": "dead-end",
            "introduction": "",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Join us",
                            "text": "",
                            "button_label": "Join",
                            "page": "",
                            "external_url": "",
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert "Choose a page or give a web address." in response.content.decode()
    assert not StandardPage.objects.filter(slug="dead-end").exists()


def test_the_admin_makes_ascii_slugs(admin_client, home):
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    html = admin_client.get(add).content.decode()
    # Without allow-unicode, the slug field's own script transliterates titles
    # ("Sønderjylland": sonderjylland).
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group()
    assert 'data-controller="w-slug"' in slug_input
    assert "allow-unicode" not in slug_input


def test_a_key_figure_can_count_the_published_clusters(client, home, locales):
    """A number the site states comes from live data when the editor chooses a count: the
    Partners page said 20 clusters while the directory listed 21."""
    index = ClusterIndexPageFactory(parent=home)
    wind = make_tags("Wind energy")["wind-energy"]
    ClusterPageFactory(parent=index, title="CEwind", industries=[wind])
    page = home.add_child(
        instance=StandardPage(
            title="Partners",
            slug="partners",
            body=[
                (
                    "key_figures",
                    {
                        "heading": "",
                        "figures": [
                            {"figure": "", "count": "clusters", "label": "clusters"},
                            {"figure": "", "count": "industries", "label": "industries"},
                        ],
                    },
                )
            ],
        )
    )
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "<strong>1</strong> <span>clusters</span>" in html
    assert "<strong>1</strong> <span>industries</span>" in html

    ClusterPageFactory(parent=index, title="Offshore", industries=[wind])
    html = client.get(page.url).content.decode()
    assert "<strong>2</strong> <span>clusters</span>" in html
    assert ClusterPage.objects.live().count() == 2

    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    [figures] = [block["value"]["figures"] for block in data["body"]]
    assert [figure["shown"] for figure in figures] == ["2", "1"]


@pytest.mark.parametrize(
    "figure", [{"figure": "", "count": ""}, {"figure": "21", "count": "clusters"}]
)
def test_a_key_figure_is_typed_or_counted(figure):
    with pytest.raises(ValidationError) as excinfo:
        KeyFigureBlock().clean({**figure, "label": "clusters"})
    [message] = excinfo.value.block_errors["figure"].messages
    assert message == "Type a figure or choose what to count, not both."

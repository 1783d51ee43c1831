"""The plugin's page types: where they go, that they render and that editors can create them.

Host-agnostic: these tests import nothing from ``home`` and pass both in the InTra-Net site
(``cms.settings.test``) and in the bare Wagtail site of ``tests.plugin_site.settings``.
"""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clusterdirectory.blocks import RecommendationBlock, keyword_error
from clusterdirectory.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyRelatedCluster,
    ClusterIndexPage,
    ClusterPage,
    EventIndexPage,
    EventPage,
    IndustryTag,
    IndustryTagName,
    NewsPage,
)
from tests.conftest import offered_page_types, translate_page
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterIndexPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db

INDEX_PAGE_TYPES = [ClusterIndexPage, EventIndexPage, CaseStudyIndexPage]
LEAF_PAGE_TYPES = [ClusterPage, EventPage, NewsPage, CaseStudyPage]
PLUGIN_PAGE_TYPES = INDEX_PAGE_TYPES + LEAF_PAGE_TYPES
INTRODUCTION_FEATURES = ["bold", "italic", "link"]


def plugin_or_core(models):
    """Of ``models``, those of the plugin and Wagtail's own ``Page``; host page types vary."""
    return {
        model for model in models if model._meta.app_label in {"wagtailcore", "clusterdirectory"}
    }


def without_block_keys(html):
    """Rich text as saved by Draftail, without the ``data-block-key`` it adds to blocks."""
    return re.sub(r' data-block-key="[^"]*"', "", str(html))


# Tree rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_type", "subpage_types"),
    [
        (ClusterIndexPage, {ClusterPage}),
        (ClusterPage, set()),
        (EventIndexPage, {EventPage, NewsPage}),
        (EventPage, set()),
        (NewsPage, set()),
        (CaseStudyIndexPage, {CaseStudyPage}),
        (CaseStudyPage, set()),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_allowed_subpage_types(page_test, page_type, subpage_types):
    page_test.assertAllowedSubpageTypes(page_type, subpage_types)


@pytest.mark.parametrize(
    ("page_type", "parent_types"),
    [
        (ClusterPage, {ClusterIndexPage}),
        (EventPage, {EventIndexPage}),
        (NewsPage, {EventIndexPage}),
        (CaseStudyPage, {CaseStudyIndexPage}),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_leaf_pages_live_only_in_their_index(page_test, page_type, parent_types):
    page_test.assertAllowedParentPageTypes(page_type, parent_types)
    page_test.assertCanNotCreateAt(Page, page_type)


@pytest.mark.parametrize("page_type", INDEX_PAGE_TYPES, ids=lambda model: model.__name__)
def test_index_pages_go_under_any_unrestricted_page_type(page_test, page_type):
    assert plugin_or_core(page_type.allowed_parent_page_models()) == {Page}
    page_test.assertCanCreateAt(Page, page_type)
    for plugin_page_type in PLUGIN_PAGE_TYPES:
        page_test.assertCanNotCreateAt(plugin_page_type, page_type)
    # Whatever the host site adds: a page type that does not restrict its subpages takes them.
    unrestricted_host_types = [
        model
        for model in get_page_models()
        if model._meta.app_label != "clusterdirectory"
        and getattr(model, "subpage_types", None) is None
    ]
    assert Page in unrestricted_host_types
    for host_type in unrestricted_host_types:
        page_test.assertCanCreateAt(host_type, page_type)


@pytest.mark.parametrize(
    ("parent_type", "page_type"),
    [
        (ClusterIndexPage, EventPage),
        (ClusterIndexPage, NewsPage),
        (ClusterIndexPage, CaseStudyPage),
        (EventIndexPage, ClusterPage),
        (EventIndexPage, CaseStudyPage),
        (CaseStudyIndexPage, ClusterPage),
        (CaseStudyIndexPage, EventPage),
        (ClusterPage, ClusterPage),
        (EventPage, NewsPage),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_pages_stay_out_of_other_indexes(page_test, parent_type, page_type):
    page_test.assertCanNotCreateAt(parent_type, page_type)


@pytest.mark.parametrize("page_type", INDEX_PAGE_TYPES, ids=lambda model: model.__name__)
def test_one_index_of_each_kind_per_parent(page_test, root_page, locales, page_type):
    assert page_type.max_count_per_parent == 1
    assert page_type.can_create_at(root_page)

    page = root_page.add_child(instance=page_type(title="Directory", slug="directory"))

    assert not page_type.can_create_at(root_page)
    other_parent = root_page.add_child(instance=Page(title="Another site", slug="another"))
    assert page_type.can_create_at(other_parent)
    assert page.can_move_to(other_parent)
    other_parent.add_child(instance=page_type(title="Second directory", slug="second"))
    assert not page.can_move_to(other_parent)


@pytest.mark.parametrize("page_type", INDEX_PAGE_TYPES, ids=lambda model: model.__name__)
def test_index_pages_never_go_straight_under_the_tree_root(root_page, locales, page_type):
    tree_root = Page.get_first_root_node()
    assert not page_type.can_create_at(tree_root)
    page = root_page.add_child(instance=page_type(title="Directory", slug="directory"))
    assert not page.can_move_to(tree_root)


def test_admin_offers_index_pages_once_per_parent(admin_client, root_page, locales):
    assert set(INDEX_PAGE_TYPES) <= offered_page_types(admin_client, root_page)

    ClusterIndexPageFactory(parent=root_page)
    EventIndexPageFactory(parent=root_page)

    offered = plugin_or_core(offered_page_types(admin_client, root_page))
    assert offered == {CaseStudyIndexPage}
    assert not set(INDEX_PAGE_TYPES) & offered_page_types(admin_client, Page.get_first_root_node())


@pytest.mark.parametrize(
    ("factory", "offered"),
    [
        (ClusterIndexPageFactory, {ClusterPage}),
        (EventIndexPageFactory, {EventPage, NewsPage}),
        (CaseStudyIndexPageFactory, {CaseStudyPage}),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_admin_offers_only_the_index_pages_own_types(
    admin_client, root_page, locales, factory, offered
):
    assert offered_page_types(admin_client, factory(parent=root_page)) == offered


@pytest.mark.parametrize(
    "factory",
    [ClusterPageFactory, EventPageFactory, NewsPageFactory, CaseStudyPageFactory],
    ids=lambda value: value.__name__,
)
def test_admin_offers_nothing_under_a_leaf_page(admin_client, root_page, locales, factory):
    index_factory = {
        ClusterPageFactory: ClusterIndexPageFactory,
        EventPageFactory: EventIndexPageFactory,
        NewsPageFactory: EventIndexPageFactory,
        CaseStudyPageFactory: CaseStudyIndexPageFactory,
    }[factory]
    leaf = factory(parent=index_factory(parent=root_page))

    assert offered_page_types(admin_client, leaf) == set()


def test_admin_refuses_a_leaf_page_outside_its_index(page_test, admin_client, root_page, locales):
    url = reverse("wagtailadmin_pages:add", args=["clusterdirectory", "clusterpage", root_page.pk])

    response = admin_client.post(url, {"title": "Stray", "slug": "stray", "country": "DK"})

    # Wagtail answers a permission denial in its admin with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not ClusterPage.objects.exists()


# Rendering -------------------------------------------------------------------------------------


@pytest.fixture
def tree(root_page, locales):
    """One page of every plugin type, under the site's plain welcome page."""
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    cluster_index = ClusterIndexPageFactory(
        parent=root_page, introduction="<p>Find a partner across the border.</p>"
    )
    cluster = ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        slug="cewind",
        country="DE",
        city="Flensburg",
        contact_name="Jan Jensen",
        contact_email="jan@cewind.example",
        show_contact_email=True,
        services=[{"type": "service", "value": "Matchmaking across the border"}],
        industries=[wind],
    )
    event_index = EventIndexPageFactory(parent=root_page)
    now = timezone.now()
    event = EventPageFactory(
        parent=event_index,
        title="Open Innovation Workshop",
        location="Sønderborg",
        focus_topics=[{"type": "topic", "value": "Open innovation"}],
        registration_url="https://example.com/register",
    )
    past_event = EventPageFactory(
        parent=event_index,
        title="Kick-off Conference",
        starts_at=now - datetime.timedelta(days=60),
        ends_at=now - datetime.timedelta(days=59),
    )
    news = NewsPageFactory(
        parent=event_index,
        title="Ten new clusters join",
        summary="The network grows to 21 clusters.",
        body=[{"type": "paragraph", "value": "<p>Welcome to the new members.</p>"}],
    )
    case_study_index = CaseStudyIndexPageFactory(parent=root_page)
    case_study = CaseStudyPageFactory(
        parent=case_study_index,
        title="Labour mobility in the border region",
        recommendations=[
            {
                "type": "recommendation",
                "value": {
                    "statement": "Initiate a labour mobility programme.",
                    "keyword": "labour mobility",
                },
            }
        ],
        regions=[{"type": "region", "value": "Region of Southern Denmark"}],
    )
    CaseStudyRelatedCluster.objects.create(page=case_study, cluster=cluster)
    return {
        "cluster_index": cluster_index,
        "cluster": cluster,
        "event_index": event_index,
        "event": event,
        "past_event": past_event,
        "news": news,
        "case_study_index": case_study_index,
        "case_study": case_study,
    }


RENDERED = {
    "cluster_index": ["Find a partner across the border.", ">CEwind</a>", "Wind energy"],
    "cluster": [
        "Flensburg",
        "Jan Jensen",
        'href="mailto:jan@cewind.example"',
        "<li>Matchmaking across the border</li>",
        "Wind energy",
    ],
    "event_index": [
        ">Open Innovation Workshop</a>",
        ">Kick-off Conference</a>",
        ">Ten new clusters join</a>",
    ],
    "event": ["Sønderborg", "<li>Open innovation</li>", 'href="https://example.com/register"'],
    "news": ["The network grows to 21 clusters.", "Welcome to the new members."],
    "case_study_index": [">Labour mobility in the border region</a>"],
    "case_study": [
        "To learn from cross-border cluster collaborations.",
        "Initiate a <strong>labour mobility</strong> programme.",
        "<li>Region of Southern Denmark</li>",
        '<a href="/en/clusters/cewind/">CEwind</a>',
    ],
}


@pytest.mark.parametrize("name", list(RENDERED))
def test_page_renders(page_test, client, tree, name):
    page = tree[name]
    page_test.assertPageIsRenderable(page)

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.url.startswith("/en/")
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html
    for snippet in RENDERED[name]:
        assert snippet in html
    assertTemplateUsed(response, page.template)
    assertTemplateUsed(response, "clusterdirectory/base.html")


def test_past_event_hides_its_registration_link(client, tree):
    tree["past_event"].registration_url = "https://example.com/too-late"
    tree["past_event"].save_revision().publish()

    html = client.get(tree["past_event"].url).content.decode()

    assert "Kick-off Conference" in html
    assert "https://example.com/too-late" not in html


@pytest.mark.parametrize("name", list(RENDERED))
def test_translated_page_renders_in_its_language(client, tree, locales, name):
    translated = translate_page(tree[name], locales["de"])
    translated.title = f"{translated.title} (DE)"
    translated.save_revision().publish()

    response = client.get(translated.url)

    assert translated.url.startswith("/de/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert f"<h1>{translated.title}</h1>" in html


# Creating pages through the admin --------------------------------------------------------------


@pytest.mark.parametrize("page_type", INDEX_PAGE_TYPES, ids=lambda model: model.__name__)
def test_index_page_created_in_admin_under_a_plain_page(
    page_test, client, root_page, locales, page_type
):
    assert type(root_page.specific) is Page

    page_test.assertCanCreate(
        root_page,
        page_type,
        nested_form_data(
            {
                "title": "Our directory",
                "slug": "our-directory",
                "introduction": rich_text(
                    "<p>Everything in <b>one</b> place.</p>", features=INTRODUCTION_FEATURES
                ),
            }
        ),
    )

    page = page_type.objects.get(slug="our-directory", alias_of=None)
    assert page.live
    assert page.get_parent().pk == root_page.pk
    assert page.locale == locales["en"]
    assert without_block_keys(page.introduction) == "<p>Everything in <b>one</b> place.</p>"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<h1>Our directory</h1>" in response.content.decode()


def test_cluster_page_created_in_admin(page_test, client, cluster_index):
    partner = ClusterPageFactory(parent=cluster_index, title="AluCluster", country="DK")
    page_test.assertCanCreate(
        cluster_index,
        ClusterPage,
        nested_form_data(
            {
                "title": "Cluster Excellence Wind",
                "slug": "cewind",
                "street": "Lise-Meitner-Straße 2",
                "postcode": "24941",
                "city": "Flensburg",
                "country": "DE",
                "website": "https://cewind.example",
                "contact_name": "Jan Jensen",
                "contact_title": "Managing Director",
                "contact_email": "jan@cewind.example",
                "show_contact_email": "on",
                "contact_phone": "+49 461 1234",
                "founded_year": "2009",
                "members_count": "42",
                "industries": "Wind energy, Offshore",
                "focus_areas": "Offshore wind and grid integration.",
                "services": streamfield(
                    [("service", "Matchmaking"), ("service", "Funding advice")]
                ),
                "description": rich_text("<p>A cluster of <i>wind</i> companies.</p>"),
                "partner_links": inline_formset([{"partner": partner.pk}]),
            }
        ),
    )

    page = ClusterPage.objects.get(slug="cewind", alias_of=None)
    assert page.live
    assert [link.partner for link in page.partner_links.all()] == [partner]
    assert page.get_parent().pk == cluster_index.pk
    assert (page.country, page.city, page.postcode) == ("DE", "Flensburg", "24941")
    assert (page.contact_name, page.contact_email) == ("Jan Jensen", "jan@cewind.example")
    assert (page.founded_year, page.members_count) == (2009, 42)
    assert sorted(tag.name for tag in page.industries.all()) == ["Offshore", "Wind energy"]
    assert [block.value for block in page.services] == ["Matchmaking", "Funding advice"]
    assert without_block_keys(page.description) == "<p>A cluster of <i>wind</i> companies.</p>"
    # New tags get their source name for translators.
    assert set(
        IndustryTagName.objects.filter(locale__language_code="en").values_list("name", flat=True)
    ) == {"Offshore", "Wind energy"}
    html = client.get(page.url).content.decode()
    assert 'href="mailto:jan@cewind.example"' in html
    assert "<li>Funding advice</li>" in html


def test_event_page_created_in_admin(page_test, client, root_page, locales):
    event_index = EventIndexPageFactory(parent=root_page)

    page_test.assertCanCreate(
        event_index,
        EventPage,
        nested_form_data(
            {
                "title": "Matchmaking Day",
                "slug": "matchmaking-day",
                "starts_at": "2031-05-01 09:00",
                "ends_at": "2031-05-01 16:00",
                "kind": "matchmaking",
                "location": "Flensburg",
                "summary": "Meet partners.",
                "focus_topics": streamfield([("topic", "Open innovation")]),
                "programme": streamfield(
                    [("heading", "Agenda"), ("paragraph", rich_text("<p>Coffee at 9.</p>"))]
                ),
                "registration_url": "https://example.com/register",
                "industries": "Food",
                "participating_clusters": inline_formset([]),
                "resulting_case_studies": inline_formset([]),
            }
        ),
    )

    page = EventPage.objects.get(slug="matchmaking-day", alias_of=None)
    assert page.live
    start = timezone.localtime(page.starts_at)
    assert (start.date(), start.hour) == (datetime.date(2031, 5, 1), 9)
    assert page.ends_at - page.starts_at == datetime.timedelta(hours=7)
    assert page.kind == "matchmaking"
    assert [block.block_type for block in page.programme] == ["heading", "paragraph"]
    assert [tag.name for tag in page.industries.all()] == ["Food"]
    response = client.get(event_index.url)
    assert ">Matchmaking Day</a>" in response.content.decode()


def test_news_page_created_in_admin(page_test, client, root_page, locales):
    event_index = EventIndexPageFactory(parent=root_page)

    page_test.assertCanCreate(
        event_index,
        NewsPage,
        nested_form_data(
            {
                "title": "New members",
                "slug": "new-members",
                "date": "2030-01-15",
                "summary": "Two clusters joined.",
                "body": streamfield(
                    [("heading", "Welcome"), ("paragraph", rich_text("<p>Hello <b>all</b>.</p>"))]
                ),
                "industries": "",
            }
        ),
    )

    page = NewsPage.objects.get(slug="new-members", alias_of=None)
    assert page.live
    assert page.date == datetime.date(2030, 1, 15)
    assert [(block.block_type, without_block_keys(block.value)) for block in page.body] == [
        ("heading", "Welcome"),
        ("paragraph", "<p>Hello <b>all</b>.</p>"),
    ]
    html = without_block_keys(client.get(page.url).content.decode())
    assert "<p>Hello <b>all</b>.</p>" in html


def test_case_study_page_created_in_admin(page_test, client, root_page, locales):
    cluster_index = ClusterIndexPageFactory(parent=root_page)
    cluster = ClusterPageFactory(parent=cluster_index, title="Food Cluster", slug="food")
    case_study_index = CaseStudyIndexPageFactory(parent=root_page)

    page_test.assertCanCreate(
        case_study_index,
        CaseStudyPage,
        nested_form_data(
            {
                "title": "Cross-border food chains",
                "slug": "food-chains",
                "aim": "Find what holds food clusters back.",
                "summary": "Three lessons.",
                "body": streamfield([("paragraph", rich_text("<p>We asked 30 firms.</p>"))]),
                "recommendations": streamfield(
                    [
                        (
                            "recommendation",
                            {"statement": "Share a test kitchen.", "keyword": "test kitchen"},
                        )
                    ]
                ),
                "related_clusters": inline_formset([{"cluster": str(cluster.pk)}]),
                "regions": streamfield([("region", "Schleswig-Holstein")]),
                "industries": "Food",
            }
        ),
    )

    page = CaseStudyPage.objects.get(slug="food-chains", alias_of=None)
    assert page.live
    assert page.aim == "Find what holds food clusters back."
    assert [link.cluster_id for link in page.related_clusters.all()] == [cluster.pk]
    [recommendation] = page.recommendations
    assert recommendation.value["keyword"] == "test kitchen"
    assert [block.value for block in page.regions] == ["Schleswig-Holstein"]
    html = client.get(page.url).content.decode()
    assert "Share a <strong>test kitchen</strong>." in html
    assert f'<a href="{cluster.url}">Food Cluster</a>' in html


# Validation ------------------------------------------------------------------------------------


def test_admin_refuses_an_event_ending_before_it_starts(admin_client, root_page, locales):
    event_index = EventIndexPageFactory(parent=root_page)
    url = reverse("wagtailadmin_pages:add", args=["clusterdirectory", "eventpage", event_index.pk])
    data = nested_form_data(
        {
            "title": "Backwards",
            "slug": "backwards",
            "starts_at": "2031-05-02 09:00",
            "ends_at": "2031-05-01 16:00",
            "kind": "workshop",
            "focus_topics": streamfield([]),
            "programme": streamfield([]),
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["The end must not be before the start."]
    assert "The end must not be before the start." in response.content.decode()
    assert not EventPage.objects.filter(slug="backwards").exists()


def test_event_model_refuses_an_end_before_its_start():
    start = timezone.now()
    event = EventPage(
        title="Backwards", starts_at=start, ends_at=start - datetime.timedelta(hours=1)
    )

    with pytest.raises(ValidationError) as excinfo:
        event.clean()

    assert excinfo.value.message_dict == {"ends_at": ["The end must not be before the start."]}


@pytest.mark.parametrize(
    ("statement", "keyword", "expected"),
    [
        (
            "Initiate a labour mobility programme.",
            "labour mobility",
            "Initiate a <strong>labour mobility</strong> programme.",
        ),
        # Matched regardless of case; the statement keeps its own spelling.
        ("Labour mobility first.", "labour MOBILITY", "<strong>Labour mobility</strong> first."),
        (
            "Use <script>alert(1)</script> & R&D funds",
            "R&D",
            "Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>R&amp;D</strong> funds",
        ),
        ("No keyword <b>here</b>.", "", "No keyword &lt;b&gt;here&lt;/b&gt;."),
        ("Keyword missing.", "absent", "Keyword missing."),
    ],
)
def test_recommendation_highlights_its_keyword_and_escapes_html(statement, keyword, expected):
    block = RecommendationBlock()
    value = block.to_python({"statement": statement, "keyword": keyword})

    assert str(value.highlighted()) == expected
    assert block.render(value).strip() == f'<p class="recommendation">{expected}</p>'


def test_industry_tags_are_shared_between_page_types(page_test, root_page, locales):
    """A tag typed on an event is the same tag clusters are filtered by."""
    event_index = EventIndexPageFactory(parent=root_page)
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")

    page_test.assertCanCreate(
        event_index,
        EventPage,
        nested_form_data(
            {
                "title": "Wind Day",
                "starts_at": "2031-06-01 09:00",
                "ends_at": "2031-06-01 12:00",
                "kind": "workshop",
                "focus_topics": streamfield([]),
                "programme": streamfield([]),
                # The admin's tag widget quotes multi-word tags.
                "industries": '"Wind energy"',
                "participating_clusters": inline_formset([]),
                "resulting_case_studies": inline_formset([]),
            }
        ),
    )

    assert list(EventPage.objects.get(slug="wind-day", alias_of=None).industries.all()) == [wind]
    assert IndustryTag.objects.count() == 1


@pytest.mark.parametrize(
    ("statement", "keyword"),
    [("Share a test kitchen.", "TEST kitchen"), ("Share a test kitchen.", ""), ("", "")],
)
def test_a_recommendation_keyword_from_its_statement_is_accepted(statement, keyword):
    value = RecommendationBlock().clean({"statement": statement or "x", "keyword": keyword})
    assert value["keyword"] == keyword


def test_a_recommendation_keyword_missing_from_its_statement_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        RecommendationBlock().clean({"statement": "Share a test kitchen.", "keyword": "mobility"})

    [error] = excinfo.value.block_errors["keyword"].messages
    assert error == "“mobility” is not in the recommendation: copy a word or phrase from it."


def test_a_keyword_without_its_recommendation_is_refused_in_a_draft_too():
    """A draft (Wagtail's deferred validation: what "Save draft" and autosave run) lets other
    fields be empty, not a recommendation: its keyword would be checked against nothing."""
    block = RecommendationBlock()

    with pytest.raises(ValidationError) as excinfo:
        block.clean_deferred({"statement": "", "keyword": "oven"})

    assert excinfo.value.block_errors["statement"].messages == ["This field is required."]
    assert keyword_error("", "oven").messages == [
        "“oven” is not in the recommendation: copy a word or phrase from it."
    ]


def test_admin_refuses_a_keyword_missing_from_its_recommendation(admin_client, root_page, locales):
    index = CaseStudyIndexPageFactory(parent=root_page)
    url = reverse("wagtailadmin_pages:add", args=["clusterdirectory", "casestudypage", index.pk])
    data = nested_form_data(
        {
            "title": "Kitchens",
            "slug": "kitchens",
            "aim": "Aim.",
            "summary": "Summary.",
            "body": streamfield([]),
            "recommendations": streamfield(
                [("recommendation", {"statement": "Share a test kitchen.", "keyword": "oven"})]
            ),
            "related_clusters": inline_formset([]),
            "regions": streamfield([]),
            "industries": "",
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    # The editor shows it at the keyword's field, from the form's block errors.
    [errors] = response.context["form"].errors.as_data()["recommendations"]
    [message] = errors.block_errors[0].block_errors["keyword"].messages
    assert message == "“oven” is not in the recommendation: copy a word or phrase from it."
    assert not CaseStudyPage.objects.filter(slug="kitchens").exists()


def test_the_model_refuses_a_keyword_missing_from_its_recommendation():
    # What a translation saved from wagtail-localize's editor meets: no block form runs.
    page = CaseStudyPage(title="Kitchens")
    page.recommendations = [
        ("recommendation", {"statement": "Del et testkøkken.", "keyword": "test kitchen"})
    ]

    with pytest.raises(ValidationError) as excinfo:
        page.clean()

    assert excinfo.value.message_dict == {
        "recommendations": [
            "“test kitchen” is not in the recommendation: copy a word or phrase from it."
        ]
    }

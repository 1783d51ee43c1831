"""Header and footer menus: edited as snippets, translated in wagtail-localize, shown in the
visitor's language on the site and in the API."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage, Menu, MenuItem, StandardPage
from tests.conftest import translate_page
from tests.menus import make_menu, translate_menu

pytestmark = pytest.mark.django_db
BASE = settings.WAGTAILAPI_BASE_URL


@pytest.fixture
def site(locales):
    """An English home page as the site's root, its Danish and German translations, an about
    page translated into Danish only and a contact page in English only."""
    home = HomePage(title="InTra-Net", slug="start")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=home, hostname="testserver")
    for code in ("da", "de"):
        translate_page(home, locales[code])
    about = StandardPage(title="About", slug="about")
    home.add_child(instance=about)
    about.save_revision().publish()
    about_da = translate_page(about, locales["da"])
    about_da.title = "Om projektet"
    about_da.save_revision().publish()
    contact = StandardPage(title="Contact", slug="contact")
    home.add_child(instance=contact)
    contact.save_revision().publish()
    return {"home": home, "about": about, "contact": contact}


@pytest.fixture
def header(site, locales, django_capture_on_commit_callbacks):
    menu = make_menu(
        Menu.Placement.HEADER,
        [(site["home"], "Home"), (site["about"], ""), ("https://interreg.eu/", "Interreg")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_menu(menu, locales["da"], {"Home": "Forside", "Interreg": "Interreg DK-DE"})
    return menu


def nav_links(html, selector="nav.main-nav"):
    nav = BeautifulSoup(html, "html.parser").select_one(selector)
    return [(a.get_text(strip=True), a["href"], a.get("aria-current")) for a in nav.find_all("a")]


def test_header_menu_in_the_visitors_language(client, header, site):
    assert nav_links(client.get("/en/about/").content) == [
        ("Home", "/en/", None),
        ("About", "/en/about/", "page"),
        ("Interreg", "https://interreg.eu/", None),
    ]
    # The Danish menu's labels are translated; its page links go to the Danish pages.
    assert nav_links(client.get("/da/about/").content) == [
        ("Forside", "/da/", None),
        ("Om projektet", "/da/about/", "page"),
        ("Interreg DK-DE", "https://interreg.eu/", None),
    ]


def test_a_language_without_a_menu_shows_the_default_one_with_its_own_pages(client, header):
    # German has no menu: the English one, linking the German home page; "About" is not
    # translated into German, so it links the English page.
    assert nav_links(client.get("/de/").content) == [
        ("Home", "/de/", "page"),
        ("About", "/en/about/", None),
        ("Interreg", "https://interreg.eu/", None),
    ]


def test_links_to_pages_that_are_not_live_are_left_out(client, header, site):
    Page.objects.filter(translation_key=site["about"].translation_key).update(live=False)
    assert [label for label, _, _ in nav_links(client.get("/da/").content)] == [
        "Forside",
        "Interreg DK-DE",
    ]


def test_a_draft_menu_is_not_shown(client, site):
    menu = make_menu(Menu.Placement.HEADER, [(site["about"], "")])
    menu.unpublish()
    assert nav_links(client.get("/en/").content) == []


def test_footer_menu_beside_the_contact_details(client, site):
    make_menu(Menu.Placement.FOOTER, [(site["contact"], ""), ("https://regx.dk/", "REG X")])
    html = client.get("/en/").content
    assert nav_links(html, "footer nav.footer-nav") == [
        ("Contact", "/en/contact/", None),
        ("REG X", "https://regx.dk/", None),
    ]
    assert BeautifulSoup(html, "html.parser").select_one("footer address") is not None


def test_logo_links_the_home_page_of_the_language(client, header):
    html = client.get("/da/about/").content
    assert BeautifulSoup(html, "html.parser").select_one("a.site-logo")["href"] == "/da/"


def test_menu_queries_do_not_grow_with_its_links(client, site):
    menu = make_menu(Menu.Placement.HEADER, [(site["home"], "")])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/about/").status_code == 200
        return len(captured)

    client.get("/en/about/")  # warm the site root cache
    few = queries()
    for n in range(6):
        page = StandardPage(title=f"Page {n}", slug=f"page-{n}")
        site["home"].add_child(instance=page)
        page.save_revision().publish()
        MenuItem.objects.create(menu=menu, locale=menu.locale, link_page=page)
    assert len(nav_links(client.get("/en/about/").content)) == 7
    assert queries() == few


# Admin ------------------------------------------------------------------------------------------


def menu_form(placement, *items, action="action-publish"):
    return nested_form_data(
        {
            "placement": placement,
            "items": inline_formset(
                [{"link_page": "", "link_url": "", "label": "", **item} for item in items]
            ),
            action: "1",
        }
    )


def test_editor_creates_and_publishes_a_menu(admin_client, site):
    response = admin_client.post(
        reverse("wagtailsnippets_home_menu:add"),
        menu_form(
            "header",
            {"link_page": site["about"].pk},
            {"link_url": "https://interreg.eu/", "label": "Interreg"},
        ),
    )
    assert response.status_code == 302
    menu = Menu.objects.get()
    assert menu.live
    assert [(item.link_page, item.link_url, item.label) for item in menu.items.all()] == [
        (site["about"].page_ptr, "", ""),
        (None, "https://interreg.eu/", "Interreg"),
    ]
    assert menu.items.first().locale == menu.locale
    listing = admin_client.get(reverse("wagtailsnippets_home_menu:list"))
    assert "Header" in listing.content.decode()


@pytest.mark.parametrize(
    "item, error",
    [
        ({}, "Choose either a page or a web address."),
        ({"link_url": "https://interreg.eu/"}, "A link to another website needs a label."),
    ],
)
def test_a_link_needs_a_page_or_an_address_with_a_label(admin_client, site, item, error):
    response = admin_client.post(
        reverse("wagtailsnippets_home_menu:add"), menu_form("header", item)
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Menu.objects.exists()


def test_one_menu_per_placement_and_language(admin_client, site):
    make_menu(Menu.Placement.HEADER, [(site["home"], "")])
    response = admin_client.post(
        reverse("wagtailsnippets_home_menu:add"),
        menu_form("header", {"link_page": site["home"].pk}),
    )
    assert response.status_code == 200
    assert "This language has a menu for this placement already." in response.content.decode()
    assert Menu.objects.count() == 1


def test_editor_previews_a_menu(admin_client, header, site):
    url = reverse("wagtailsnippets_home_menu:preview_on_add")
    form = menu_form("footer", {"link_page": site["contact"].pk, "label": "Write to us"})
    assert admin_client.post(url, form).json()["is_valid"]
    html = admin_client.get(url).content
    assert nav_links(html, "main nav") == [("Write to us", "/en/contact/", None)]


def test_menu_is_translatable_in_wagtail_localize(admin_client, header, locales):
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "menu", header.pk],
    )
    assert admin_client.get(url).status_code == 200
    german = locales["de"]
    response = admin_client.post(url, {"locales": [german.pk]})
    assert response.status_code == 302
    translated = header.get_translation(german)
    assert [item.link_page_id for item in translated.items.all()] == [
        item.link_page_id for item in header.items.all()
    ]


# API --------------------------------------------------------------------------------------------


def test_api_lists_the_menus_of_a_language(client, header, site):
    response = client.get("/api/v2/menus/", {"locale": "da"})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"total_count": 1, "locale": "da"}
    about_da = Page.objects.get(
        translation_key=site["about"].translation_key, locale__language_code="da"
    )
    home_da = Page.objects.get(
        translation_key=site["home"].translation_key, locale__language_code="da"
    )
    assert data["items"] == [
        {
            "placement": "header",
            "locale": "da",
            "items": [
                {
                    "label": "Forside",
                    "url": f"{BASE}/da/",
                    "page": {
                        "id": home_da.pk,
                        "detail_url": f"{BASE}/api/v2/pages/{home_da.pk}/",
                    },
                },
                {
                    "label": "Om projektet",
                    "url": f"{BASE}/da/about/",
                    "page": {
                        "id": about_da.pk,
                        "detail_url": f"{BASE}/api/v2/pages/{about_da.pk}/",
                    },
                },
                {"label": "Interreg DK-DE", "url": "https://interreg.eu/", "page": None},
            ],
        }
    ]


def test_api_filters_by_placement_and_falls_back_to_the_default_language(client, header):
    data = client.get("/api/v2/menus/", {"locale": "de", "placement": "header"}).json()
    assert [(menu["placement"], menu["locale"]) for menu in data["items"]] == [("header", "en")]
    assert client.get("/api/v2/menus/", {"placement": "footer"}).json()["items"] == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"locale": "fr"}, "unknown locale: fr"),
        ({"placement": "sidebar"}, "unknown placement: use header or footer"),
        ({"colour": "red"}, "query parameter is not an operation or a recognised field: colour"),
    ],
)
def test_api_answers_bad_parameters_with_400(client, header, params, message):
    response = client.get("/api/v2/menus/", params)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_api_v3_lists_the_menus_of_a_language(client, header, site):
    data = client.get("/api/v3/menus/", {"locale": "da"}).json()
    v2 = client.get("/api/v2/menus/", {"locale": "da"}).json()
    assert data["locale"] == "da" and data["count"] == 1
    [menu] = data["items"]
    assert (menu["placement"], menu["locale"]) == ("header", "da")
    for link, old in zip(menu["items"], v2["items"][0]["items"], strict=True):
        assert (link["label"], link["url"]) == (old["label"], old["url"])
        if old["page"]:
            assert link["page"] == {
                "id": old["page"]["id"],
                "detail_url": f"{BASE}/api/v3/pages/{old['page']['id']}/",
            }
        else:
            assert link["page"] is None
    fallback = client.get("/api/v3/menus/", {"locale": "de", "placement": "header"}).json()
    assert [(m["placement"], m["locale"]) for m in fallback["items"]] == [("header", "en")]
    assert client.get("/api/v3/menus/", {"placement": "footer"}).json()["items"] == []
    assert client.get("/api/v3/menus/", {"placement": "sidebar"}).status_code == 422
    assert client.get("/api/v3/menus/", {"locale": "fr"}).status_code == 422

"""The staff roles on the menu snippet: translators change only their language's menu."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from home.models import Menu
from staff.roles import EDITORS, MODERATORS, TRANSLATORS_DA
from tests.menus import make_menu, translate_menu


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="home", content_type__model="menu")
        .values_list("codename", flat=True)
    )


def test_menu_permissions_per_role(db):
    assert codenames(EDITORS) == {"add_menu", "change_menu", "delete_menu"}
    assert codenames(MODERATORS) == {"add_menu", "change_menu", "delete_menu", "publish_menu"}
    assert codenames(TRANSLATORS_DA) == {"add_menu", "change_menu", "publish_menu"}


@pytest.fixture
def menus(locales, django_capture_on_commit_callbacks):
    english = make_menu(Menu.Placement.FOOTER, [("https://interreg.eu/", "Interreg")])
    with django_capture_on_commit_callbacks(execute=True):
        danish = translate_menu(english, locales["da"], {"Interreg": "Interreg DK"})
        german = translate_menu(english, locales["de"], {"Interreg": "Interreg DE"})
    return {"en": english, "da": danish, "de": german}


def test_translator_edits_only_own_language_menu(menus, django_user_model):
    user = django_user_model.objects.create_user("translator", "t@example.org", "pw")
    user.groups.add(Group.objects.get(name=TRANSLATORS_DA))
    client = Client()
    client.force_login(user)

    def edit(code):
        return client.get(reverse("wagtailsnippets_home_menu:edit", args=[menus[code].pk]))

    assert edit("da").status_code == 200
    for code in ("en", "de"):
        response = edit(code)
        assert response.status_code == 403 or response.url == reverse("wagtailadmin_home"), code


def test_menus_published_after_their_sync_are_out_of_date(menus, admin_client):
    menus["en"].save_revision().publish()

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    outdated = html[html.index("Translations out of date") :].split("</section>")[0]
    assert "Footer" in outdated

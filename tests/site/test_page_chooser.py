"""The page chooser opens in the editor's language, with Wagtail's language switch."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.site.test_translation_workflow import home as home  # noqa: PLC0414 (fixture)

pytestmark = pytest.mark.django_db


def test_the_chooser_starts_in_the_editors_language(admin_client, admin_user, home):
    url = reverse("wagtailadmin_choose_page")
    assert url == "/admin/choose-page/"

    english = admin_client.get(url, {"page_type": "home.homepage"})
    assert english.status_code == 302
    assert english["Location"] == f"{url}?page_type=home.homepage&locale=en"

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    german = admin_client.get(url, {"page_type": "home.homepage"}, follow=True)

    text = " ".join(re.sub(r"<[^>]+>", " ", german.json()["html"]).split())
    # Only the German home page, and the switch to the other languages.
    assert "InTra-Net Deutsch" in text
    assert "InTra-Net Dansk" not in text and "InTra-Net English" not in text
    assert "Deutsch Dansk English" in text  # the language switch


def test_a_chosen_language_is_kept(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_choose_page"), {"locale": "da"})
    assert response.status_code == 200
    assert response.json()["step"] == "browse"


def test_only_staff_reach_the_chooser(client, home):
    response = client.get(reverse("wagtailadmin_choose_page"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

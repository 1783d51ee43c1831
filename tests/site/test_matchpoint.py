"""Matchpoint registration on the demo site and through the API."""

import pytest
from django.test import Client

from clusterdirectory.models import ClusterIndexPage, ClusterPage, ClusterRegistration
from tests.factories import IndustryTagFactory
from tests.plugin.test_registration import valid_data


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_register_in_every_language_of_the_demo_site(demo_site):
    expected = {
        "en": ("Register your cluster", "/en/privacy/"),
        "da": ("Registrér din klynge", "/da/privacy/"),
        "de": ("Registrieren Sie Ihren Cluster", "/de/privacy/"),
    }
    for code, (introduction, privacy_url) in expected.items():
        client = Client()
        index = ClusterIndexPage.objects.get(locale__language_code=code)
        assert index.url + "register/" in client.get(index.url).content.decode()

        form = client.get(index.url + "register/")

        html = form.content.decode()
        assert form.status_code == 200, code
        assert introduction in html, code
        assert f'href="{privacy_url}"' in html, code
        assert f'<html lang="{code}">' in html, code
        for other in ClusterIndexPage.objects.exclude(pk=index.pk):
            assert f'href="{other.url}register/"' in html, (code, "language switcher")

        tags = list(index.clusters().first().industries.all())
        response = client.post(index.url + "register/", valid_data(tags, name=f"New {code}"))

        assert response.status_code == 303, code
        page = ClusterPage.objects.get(title=f"New {code}", alias_of=None)
        assert page.locale.language_code == code and not page.live
        assert page.get_parent().pk == index.pk
        assert ClusterPage.objects.filter(alias_of=page).count() == 2, code
    assert ClusterRegistration.objects.count() == 3


@pytest.mark.django_db
def test_drafts_from_registrations_stay_out_of_the_api(client, cluster_index):
    from tests.factories import ClusterPageFactory

    tags = [IndustryTagFactory(name="Wind energy")]
    ClusterPageFactory(parent=cluster_index, title="Published One", industries=tags)
    client.post(cluster_index.url + "register/", valid_data(tags, name="Draft Nord"))
    draft = ClusterPage.objects.get(title="Draft Nord")

    listing = client.get(
        "/api/v2/pages/", {"type": "clusterdirectory.ClusterPage", "fields": "*"}
    ).json()
    by_tag = client.get(
        "/api/v2/pages/", {"type": "clusterdirectory.ClusterPage", "industry": "wind-energy"}
    ).json()
    searched = client.get("/api/v2/pages/", {"search": "Nord"}).json()

    assert [item["title"] for item in listing["items"]] == ["Published One"]
    assert [item["title"] for item in by_tag["items"]] == ["Published One"]
    assert searched["items"] == []
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    draft_path = cluster_index.url + draft.slug + "/"
    assert client.get("/api/v2/pages/find/", {"html_path": draft_path}).status_code == 404

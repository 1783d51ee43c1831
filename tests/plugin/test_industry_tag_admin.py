"""Industry tag names in the admin."""

from django.urls import reverse

from clusterdirectory.models import IndustryTag, IndustryTagName


def test_a_second_name_in_the_same_language_is_a_form_error(admin_client, locales):
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")  # names it in English
    url = reverse("wagtailsnippets_clusterdirectory_industrytagname:add") + "?locale=en"

    response = admin_client.post(url, {"tag": tag.pk, "name": "Wind power"})

    assert response.status_code == 200
    assert "This tag already has a name in this language." in response.content.decode()
    assert list(IndustryTagName.objects.filter(tag=tag).values_list("name", flat=True)) == [
        "Wind energy"
    ]
    danish = admin_client.post(
        url.replace("locale=en", "locale=da"), {"tag": tag.pk, "name": "Vind"}
    )
    assert danish.status_code == 302
    assert IndustryTagName.objects.get(tag=tag, locale=locales["da"]).name == "Vind"

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


def test_a_new_tag_gets_its_slug_from_its_name(admin_client, locales):
    add = reverse("wagtailsnippets_clusterdirectory_industrytag:add")
    form = admin_client.get(add).content.decode()
    # The name fills the slug as it is typed, as a page's title does.
    assert 'data-w-sync-target-value="#id_slug"' in form
    assert 'data-controller="w-slug"' in form

    response = admin_client.post(add, {"name": "Blue biotech", "slug": ""})

    assert response.status_code == 302
    assert IndustryTag.objects.get(name="Blue biotech").slug == "blue-biotech"
    # Twice the same name makes another slug, not an error about a field the editor left empty.
    IndustryTag.objects.filter(name="Blue biotech").update(name="Blue biotech (old)")
    assert admin_client.post(add, {"name": "Blue biotech", "slug": ""}).status_code == 302
    assert IndustryTag.objects.get(name="Blue biotech").slug.startswith("blue-biotech_")


def test_renaming_a_tag_keeps_its_slug(admin_client, locales):
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")
    edit = reverse("wagtailsnippets_clusterdirectory_industrytag:edit", args=[tag.pk])
    form = admin_client.get(edit).content.decode()
    assert "w-sync#apply" not in form  # no syncing once the tag exists

    response = admin_client.post(edit, {"name": "Wind power", "slug": "wind-energy"})

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Wind power", "wind-energy")


def test_tag_suggestions_know_every_languages_names(admin_client, locales):
    hydrogen = IndustryTag.objects.create(name="Hydrogen", slug="hydrogen")
    IndustryTagName.objects.create(tag=hydrogen, locale=locales["de"], name="Wasserstoff")
    IndustryTag.objects.create(name="Water management", slug="water-management")
    url = reverse("clusterdirectory_industry_tag_suggestions")

    assert admin_client.get(url, {"term": "Wasser"}).json() == ["Hydrogen"]
    # Names starting with the text first.
    assert admin_client.get(url, {"term": "wa"}).json() == ["Water management", "Hydrogen"]
    assert admin_client.get(url, {"term": "stoff"}).json() == ["Hydrogen"]
    assert admin_client.get(url, {"term": ""}).json() == []
    assert admin_client.get(url, {"term": '"\x00%_'}).json() == []


def test_the_page_editor_asks_for_those_suggestions(admin_client, cluster_index):
    url = reverse(
        "wagtailadmin_pages:add", args=["clusterdirectory", "clusterpage", cluster_index.pk]
    )
    html = admin_client.get(url).content.decode()
    assert f'data-w-tag-url-value="{reverse("clusterdirectory_industry_tag_suggestions")}"' in html


def test_suggestions_are_for_staff_only(client, db):
    response = client.get(reverse("clusterdirectory_industry_tag_suggestions"), {"term": "w"})
    assert response.status_code == 302


def test_translate_is_on_the_edit_screen_of_a_tag_name(admin_client, locales):
    tag = IndustryTag.objects.create(name="Wind energy", slug="wind-energy")
    english = IndustryTagName.objects.get(tag=tag, locale=locales["en"])
    edit = reverse("wagtailsnippets_clusterdirectory_industrytagname:edit", args=[english.pk])
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["clusterdirectory", "industrytagname", english.pk],
    )

    html = admin_client.get(edit).content.decode()

    assert f'href="{translate}"' in html
    response = admin_client.post(translate, {"locales": [locales["da"].pk]})
    assert response.status_code == 302
    assert IndustryTagName.objects.filter(tag=tag, locale=locales["da"]).exists()

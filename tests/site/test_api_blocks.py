"""StreamField content in the API: images come as renditions with size and alt text."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import StandardPage


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Harbour", file=get_test_image_file(), description="Ships in Flensburg harbour"
    )


def test_stream_images_are_renditions_with_alt_text(client, root_page, locales, image):
    page = StandardPage(
        title="About",
        slug="about",
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "The harbour", "decorative": False},
            },
            {
                "type": "people",
                "value": {
                    "heading": "Team",
                    "people": [{"name": "Jesper Lund", "photo": image.pk}],
                },
            },
        ],
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()

    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    picture = data["body"][0]["value"]
    assert picture["alt"] == "The harbour"
    assert picture["decorative"] is False
    assert picture["url"].endswith(".png") and picture["width"] > 0 and picture["height"] > 0
    photo = data["body"][1]["value"]["people"][0]["photo"]
    assert photo["id"] == image.pk
    assert photo["alt"] == "Ships in Flensburg harbour"

"""What staff may upload: real images within limits, documents served by Wagtail's view."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def image_bytes(fmt, size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, fmt)
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.jpg", image_bytes("JPEG")),
        ("logo.png", image_bytes("PNG")),
        ("logo.webp", image_bytes("WEBP")),
    ],
)
def test_real_images_are_accepted(admin_client, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 302
    assert get_image_model().objects.get().title == name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("drawing.png", SVG, "Not a valid .png image"),
        ("page.png", HTML, "Not a valid .png image"),
        ("drawing.svg", SVG, "Not a supported image format"),
        ("animation.gif", image_bytes("GIF"), "Not a supported image format"),
        ("bomb.png", image_bytes("PNG", size=(6000, 5000)), "pixels"),
        ("large.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 1), "This file is too big"),
    ],
)
def test_anything_else_is_refused_with_a_message(admin_client, name, content, message):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_documents_are_served_by_wagtail_as_downloads_that_browsers_do_not_sniff(client):
    document = get_document_model().objects.create(
        title="Members", file=SimpleUploadedFile("members.csv", b"name\n<script>x</script>\n")
    )
    response = client.get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"

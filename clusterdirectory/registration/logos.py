"""Logos sent through Matchpoint's forms, as Wagtail images.

A logo is stored under the format Pillow found in it (``.png``, ``.jpg``, ``.webp``), never
under the name it was sent with (a PNG named ``x.pdf`` would be served as a PDF). Until a
moderator publishes the profile it belongs to, it sits in a collection with a view
restriction, which Wagtail's image APIs (v2 and v3) leave out for visitors; publishing the
profile moves it to Wagtail's root collection, where images go by default.
"""

from django.core.files.base import File
from django.dispatch import receiver
from django.utils.text import slugify
from PIL import Image
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.signals import page_published

from ..text import plain_text

IN_MODERATION = "Cluster registrations"  # the name older releases gave it
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def logo_image(upload, title):
    """``upload`` (already checked by the form) as a Wagtail image in moderation."""
    upload.seek(0)
    with Image.open(upload) as image:
        extension = EXTENSIONS[image.format]
    upload.seek(0)
    name = slugify(string_to_ascii(plain_text(title)))[:60] or "logo"
    return get_image_model().objects.create(
        title=plain_text(title)[:255] or "logo",
        file=File(upload, name=f"{name}.{extension}"),
        collection=moderation_collection(),
    )


def moderation_collection():
    collection = Collection.objects.filter(name=IN_MODERATION, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=IN_MODERATION)
    # Signed-in staff only: visitors of the API do not see what awaits moderation.
    CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": CollectionViewRestriction.LOGIN},
    )
    return collection


@receiver(page_published)
def publish_logo(sender, instance, **kwargs):
    """The logo of a profile that goes live goes public with it."""
    image = getattr(instance, "logo", None)
    if image is None or image.collection.name != IN_MODERATION:
        return
    image.collection = Collection.get_first_root_node()
    image.save(update_fields=["collection"])

"""Logos of registrations still in moderation leave Wagtail's public image APIs: their
collection gets a view restriction (sign-in), and the logos of live clusters move to the root
collection, as publishing does from now on (``registration/logos.py``)."""

from django.db import migrations

IN_MODERATION = "Cluster registrations"


def restrict(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    ClusterPage = apps.get_model("clusterdirectory", "ClusterPage")
    Image = apps.get_model("wagtailimages", "Image")
    moderated = Collection.objects.filter(name=IN_MODERATION, depth=2).first()
    if moderated is None:
        return
    CollectionViewRestriction.objects.get_or_create(
        collection=moderated, defaults={"restriction_type": "login"}
    )
    # The logos of live clusters go public, where publishing puts them from now on.
    Image.objects.filter(
        collection=moderated,
        pk__in=ClusterPage.objects.filter(live=True).values("logo_id"),
    ).update(collection=Collection.objects.get(depth=1))


class Migration(migrations.Migration):
    dependencies = [
        ("clusterdirectory", "0012_recommendation_statement_required_in_drafts"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(restrict, migrations.RunPython.noop)]

"""The site's staff roles: which group may do what, in one place.

``apply_roles(apps)`` creates or updates the groups from ``ROLES``; data migrations call it
with their historical ``apps``, so it only uses ``apps.get_model``. It adds what a role
needs and takes nothing away, so running it again (after adding a snippet model to
``SNIPPET_MODELS``, from a new migration) is safe. Models that do not exist yet at that
point of the migration history are skipped; the migration that adds them runs it again.

Page permissions are granted on the root of the page tree, so they also cover locale home
pages created later; translators are kept to their language by ``staff.languages``.
Images and documents are permitted on the root collection, as Wagtail does.
"""

from dataclasses import dataclass, field

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS_DA = "Translators (Danish)"
TRANSLATORS_DE = "Translators (German)"

# Every snippet model staff edit, as "app_label.ModelName". A model added here needs a
# migration that runs apply_roles after the model's own migration.
SNIPPET_MODELS = [
    "clusterdirectory.IndustryTag",
    "clusterdirectory.IndustryTagName",
    "home.Menu",
]


@dataclass(frozen=True)
class Role:
    name: str
    # Model permissions, "app_label.codename".
    permissions: list[str] = field(default_factory=list)
    # Page permission codenames on the root page ("add_page", "publish_page"...).
    page_permissions: list[str] = field(default_factory=list)
    # Image and document permissions on the root collection, "app_label.codename".
    collection_permissions: list[str] = field(default_factory=list)
    # Actions on every model in SNIPPET_MODELS ("add", "change", "delete", "publish").
    snippet_actions: list[str] = field(default_factory=list)
    # Only snippets that are translated per locale (language-neutral ones are left out).
    translatable_snippets_only: bool = False
    # Language codes the group is restricted to; empty means every language.
    languages: list[str] = field(default_factory=list)


MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
TRANSLATOR = {
    "permissions": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    "page_permissions": ["add_page", "change_page", "publish_page"],
    "collection_permissions": ["wagtailimages.add_image", "wagtailimages.choose_image"],
    "snippet_actions": ["add", "change", "publish"],
    "translatable_snippets_only": True,
}

ROLES = [
    Role(
        EDITORS,
        permissions=["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        page_permissions=["add_page", "change_page"],
        collection_permissions=MEDIA,
        snippet_actions=["add", "change", "delete"],
    ),
    Role(
        MODERATORS,
        permissions=["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        page_permissions=["add_page", "change_page", "publish_page"],
        collection_permissions=MEDIA,
        snippet_actions=["add", "change", "delete", "publish"],
    ),
    Role(TRANSLATORS_DA, languages=["da"], **TRANSLATOR),
    Role(TRANSLATORS_DE, languages=["de"], **TRANSLATOR),
]


def apply_roles(apps, roles=ROLES):
    """Create or update the groups of ``roles``; safe to run again."""
    _create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    for role in roles:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.add(*_permissions(apps, role.permissions))
        grant_snippet_permissions(
            apps, group, role.snippet_actions, translatable_only=role.translatable_snippets_only
        )
        _grant_page_permissions(apps, group, role.page_permissions)
        _grant_collection_permissions(apps, group, role.collection_permissions)
        _restrict_languages(apps, group, role.languages)


def grant_snippet_permissions(apps, group, actions, *, translatable_only=False):
    """Give ``group`` the ``actions`` on every snippet model that has them."""
    for model in _snippet_models(apps, translatable_only):
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        group.permissions.add(
            *apps.get_model("auth", "Permission").objects.filter(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                codename__in=codenames,
            )
        )


def _snippet_models(apps, translatable_only):
    for label in SNIPPET_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # not migrated yet
        translatable = any(f.name == "translation_key" for f in model._meta.get_fields())
        if translatable or not translatable_only:
            yield model


def _permissions(apps, names):
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    return permissions


def _grant_page_permissions(apps, group, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root is None:
        return
    for permission in _permissions(apps, [f"wagtailcore.{codename}" for codename in codenames]):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _grant_collection_permissions(apps, group, names):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root is None:
        return
    for permission in _permissions(apps, names):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _restrict_languages(apps, group, language_codes):
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupLocalePermission = apps.get_model("staff", "GroupLocalePermission")
    for locale in Locale.objects.filter(language_code__in=language_codes):
        GroupLocalePermission.objects.get_or_create(group=group, locale=locale)


def _create_missing_permissions(apps):
    # Django creates model permissions, and Wagtail those to publish snippets with drafts,
    # after `migrate` ends; roles need them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True  # historical apps have none
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in _snippet_models(apps, translatable_only=False):
        if not any(f.name == "live_revision" for f in model._meta.get_fields()):
            continue  # no drafts (DraftStateMixin), nothing to publish
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"publish_{model._meta.model_name}",
            defaults={"name": f"Can publish {model._meta.verbose_name_raw}"},
        )

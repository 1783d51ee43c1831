from functools import cache, partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.autoreload import autoreload_started
from taggit.models import TagBase, TaggedItemBase
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import (
    init_new_page,
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.snippets.models import get_snippet_models

from .cache import content_changed
from .models import (
    ClusterPage,
    ClusterRegistration,
    Country,
    IndustryTag,
    IndustryTagName,
    PlaceName,
    ProfileUpdate,
    RegistrationStatus,
    UpdateOutcome,
)
from .place_names import forget_place_names
from .registrant_mail import send_registration_outcome, send_update_outcome


@receiver(post_save, sender=IndustryTag)
def create_source_name(sender, instance, created, raw=False, **kwargs):
    """Give every new tag a name in the default locale, the source translators work from."""
    if raw or not created:
        return
    locale = Locale.get_default()
    IndustryTagName.objects.get_or_create(
        tag=instance, locale=locale, defaults={"name": instance.name}
    )


@receiver(init_new_page)
def preset_new_cluster_page(sender, page, parent, **kwargs):
    """A cluster page opened in the admin's create form starts in the country of its index's
    language: a Danish directory mostly lists Danish clusters. English presets nothing."""
    if isinstance(page, ClusterPage) and page.locale_id:
        page.country = Country.of_language(page.locale.language_code)


# The outcome of a registration or profile update follows the page's: published (by the
# workflow's approval, or by an editor), or rejected in the workflow with the moderator's
# comment. The registrant is told once the change is committed.


@receiver(page_published, sender=ClusterPage)
def registration_published(sender, instance, revision=None, **kwargs):
    registrations = ClusterRegistration.objects.filter(page=instance).exclude(
        status=RegistrationStatus.PUBLISHED
    )
    for registration in registrations:
        registration.status = RegistrationStatus.PUBLISHED
        registration.save(update_fields=["status"])
        transaction.on_commit(partial(send_registration_outcome, registration))
    updates = ProfileUpdate.objects.filter(page=instance, used_at__isnull=False, outcome="")
    if revision is not None:  # not changes sent after the revision published
        updates = updates.filter(revision_id__lte=revision.pk)
    _decide_updates(updates, UpdateOutcome.PUBLISHED)


@receiver(workflow_rejected)
def registration_rejected(sender, instance, **kwargs):
    page_id = _page_id(instance)
    if page_id is None:
        return
    task_state = instance.current_task_state
    reason = (task_state.comment if task_state else "") or ""
    registrations = ClusterRegistration.objects.filter(page_id=page_id).exclude(
        status=RegistrationStatus.PUBLISHED
    )
    for registration in registrations:
        registration.status = RegistrationStatus.REJECTED
        registration.rejection_reason = reason
        registration.save(update_fields=["status", "rejection_reason"])
        transaction.on_commit(partial(send_registration_outcome, registration))
    updates = ProfileUpdate.objects.filter(page_id=page_id, used_at__isnull=False, outcome="")
    _decide_updates(updates, UpdateOutcome.REJECTED, reason)


@receiver(workflow_submitted)
def registration_resubmitted(sender, instance, **kwargs):
    page_id = _page_id(instance)
    if page_id is not None:
        # Sent back into moderation: its next outcome is told too.
        ClusterRegistration.objects.filter(page_id=page_id).exclude(
            status=RegistrationStatus.PUBLISHED
        ).update(status=RegistrationStatus.IN_MODERATION, outcome_sent="")


def _page_id(workflow_state):
    if workflow_state.base_content_type.model_class() is not Page:
        return None
    return int(workflow_state.object_id)


def _decide_updates(updates, outcome, reason=""):
    for update in updates.select_related("page", "revision"):
        update.outcome = outcome
        update.rejection_reason = reason
        update.save(update_fields=["outcome", "rejection_reason"])
        transaction.on_commit(partial(send_update_outcome, update))


@receiver(post_delete, sender=ClusterRegistration)
def erase_registration_data(sender, instance, **kwargs):
    """A deleted registration takes its personal data along: the draft page it made (with its
    revisions) unless that page was ever published, and the uploaded logo unless a page
    still uses it."""
    page = ClusterPage.objects.filter(pk=instance.page_id).first()
    if page is not None and page.first_published_at is None and not page.live:
        for alias in ClusterPage.objects.filter(alias_of=page):  # its copies in other languages
            alias.delete()
        page.delete()
    if instance.logo_id and not ClusterPage.objects.filter(logo_id=instance.logo_id).exists():
        get_image_model().objects.filter(pk=instance.logo_id).delete()


@receiver(post_save, sender=PlaceName)
@receiver(post_delete, sender=PlaceName)
def place_names_changed(sender, instance, raw=False, **kwargs):
    # Kept apart from the content version (place_names.same_places); as a snippet, a change
    # raises that too, so that kept search results go.
    forget_place_names()


# What pages and the API show, and so what the content version (cache.py) follows: pages
# (drafts too: a change counted twice costs little, a missed one shows old content), tags and
# their names, snippets (menus), settings, images, documents, sites, locales and view
# restrictions. Not: registrations, contact requests, Wagtail's revisions, renditions, logs.
CONTENT = (
    Page,
    TagBase,
    TaggedItemBase,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
    Locale,
    Site,
    BaseViewRestriction,
)


@cache
def shows_on_pages(model):
    return issubclass(model, CONTENT) or model in get_snippet_models()


@receiver(post_save)
@receiver(post_delete)
def content_saved(sender, instance, raw=False, created=False, **kwargs):
    # Settings are created with their defaults when a page first reads them: nothing changes.
    if created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        return
    if not raw and shows_on_pages(sender):
        content_changed()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(published)
@receiver(unpublished)
def content_published(sender, instance, **kwargs):
    content_changed()


@receiver(autoreload_started)
def code_reloaded(sender, **kwargs):
    """runserver restarted after a code change: what the old code kept in a cache that
    outlives the process (files, Redis) is not used again."""
    content_changed()

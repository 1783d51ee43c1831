"""What purges the page cache: any change to content that public pages or the API show.

Pages (drafts included: over-purging is cheap, a missed purge is not), their tags, tag names,
snippets (menus, footers...), site settings, sites, locales, images, documents and view
restrictions. Contact requests, registration records and Wagtail's own
bookkeeping (revisions, renditions, logs) do not purge.
"""

from functools import cache

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import TagBase, TaggedItemBase
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from .frontend import purge_frontend_cache
from .store import purge

CONTENT_BASES = (
    Page,
    TagBase,
    TaggedItemBase,
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    Locale,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,
)


@cache
def shows_on_pages(model):
    return issubclass(model, CONTENT_BASES) or model in get_snippet_models()


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, raw=False, created=False, **kwargs):
    # Settings are created with their defaults when a page first reads them: nothing changes.
    if created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        return
    if not raw and shows_on_pages(sender):
        purge()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    purge()
    purge_frontend_cache(instance)


@receiver(published)
@receiver(unpublished)
def snippet_published(sender, instance, **kwargs):
    purge()

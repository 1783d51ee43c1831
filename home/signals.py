from django.db.models.signals import post_delete, post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from clusterdirectory.cache import content_changed

from .models import FundingLogo


def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    # wagtail-localize synchronizes the trees on every save, also when fixtures or a test's
    # serialized rollback load the row before its locales exist.
    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


def funding_logo_changed(sender, instance, raw=False, **kwargs):
    # The settings' own row is saved before its logos, and raises the content version then:
    # again once the logos are saved, so that no header is kept with the old ones.
    if not raw:
        content_changed()


def connect():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization)
    post_save.connect(funding_logo_changed, sender=FundingLogo)
    post_delete.connect(funding_logo_changed, sender=FundingLogo)

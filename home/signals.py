from django.db.models.signals import post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save


def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    # wagtail-localize synchronizes the trees on every save, also when fixtures or a test's
    # serialized rollback load the row before its locales exist.
    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


def connect():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization)

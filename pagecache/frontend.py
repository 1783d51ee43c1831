"""A CDN or proxy in front of the site (Wagtail's frontend cache, configured by environment in
cms/settings/base.py). Wagtail itself purges a page's own URLs when it is published or
unpublished; its translations and the indexes that list it are purged here. Filtered listings
cannot be listed one by one: the CDN keeps those until its own timeout (see
docs/deployment.md)."""

from django.conf import settings
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_frontend_cache(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # Only importable with wagtail.contrib.frontend_cache installed, as it is when configured.
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    translations = instance.get_translations(inclusive=True)
    ancestors = [
        ancestor
        for translation in translations
        for ancestor in translation.get_ancestors().filter(depth__gt=1)
    ]
    purge_pages_from_cache([*translations, *ancestors])

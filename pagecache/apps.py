from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import frontend  # noqa: F401  (its receivers)

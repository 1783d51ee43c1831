from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterDirectoryConfig(AppConfig):
    name = "clusterdirectory"
    label = "clusterdirectory"
    verbose_name = _("Cluster directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterDirectoryConfig(AppConfig):
    name = "clusterdirectory"
    label = "clusterdirectory"
    verbose_name = _("Cluster directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        from . import checks, signals  # noqa: F401
        from .registration import logos  # noqa: F401  (its receiver)
        from .spreadsheets import neutralise_admin_csv_exports

        neutralise_admin_csv_exports()

        if apps.is_installed("wagtail.api.v3"):
            # As Wagtail's own apps add their routers to its API.
            from wagtail.api.v3.api import api

            from .api.v3 import register

            register(api)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        from . import signals

        signals.connect()
        if apps.is_installed("wagtail.api.v3"):
            from wagtail.api.v3.api import api

            from .api_v3 import router

            api.add_router("/menus/", router)

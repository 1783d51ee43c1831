from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    label = "staff"
    verbose_name = _("Staff roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from . import changed_segments  # noqa: F401 (its signal receiver)
        from .languages import LanguagePagePermissionPolicy

        register_permission_policy(AbstractPage, LanguagePagePermissionPolicy())

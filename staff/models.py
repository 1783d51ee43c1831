from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class GroupLocalePermission(models.Model):
    """A language that members of a group may edit; see ``staff.languages`` for the rule."""

    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        related_name="locale_permissions",
        verbose_name=_("group"),
    )
    locale = models.ForeignKey(
        Locale,
        on_delete=models.CASCADE,
        related_name="group_permissions",
        verbose_name=_("language"),
    )

    class Meta:
        verbose_name = _("group language permission")
        verbose_name_plural = _("group language permissions")
        constraints = [
            models.UniqueConstraint(fields=["group", "locale"], name="unique_group_locale")
        ]

    def __str__(self):
        return f"{self.group} – {self.locale}"

"""A cluster manager's request to update a cluster's profile.

The e-mailed link names one of these records: the link works once (``used_at``) and its
change becomes a revision of the page in moderation (``revision``). No address is stored:
the link goes to the page's contact e-mail of the moment, or to the moderators.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProfileUpdate(models.Model):
    page = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster page"),
        on_delete=models.CASCADE,
        related_name="profile_updates",
    )
    language_code = models.CharField(_("language"), max_length=15)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    sent_to_moderators = models.BooleanField(
        _("link sent to the moderators"),
        default=False,
        help_text=_("The cluster had no contact e-mail, so the moderators got the link."),
    )
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profile update")
        verbose_name_plural = _("profile updates")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.page} ({self.requested_at:%Y-%m-%d %H:%M})"

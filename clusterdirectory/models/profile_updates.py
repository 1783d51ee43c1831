"""A cluster manager's request to update a cluster's profile.

The e-mailed link names one of these records: the link works once (``used_at``) and its
change becomes a revision of the page in moderation (``revision``). No address is stored:
the link goes to the page's contact e-mail of the moment, or to the moderators. The receipt
and the outcome go to the contact e-mail of the changes sent.

Each e-mail about the change is recorded when it went out; ``send_pending_mail`` sends
those that could not be sent when they were due.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UpdateOutcome(models.TextChoices):
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


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
    receipt_sent_at = models.DateTimeField(_("receipt sent at"), null=True, blank=True)
    moderators_notified_at = models.DateTimeField(
        _("moderators notified at"), null=True, blank=True
    )
    moderators_notified = models.TextField(
        _("moderators notified"), blank=True, help_text=_("The addresses the notice went to.")
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=UpdateOutcome.choices, blank=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    outcome_sent_at = models.DateTimeField(_("outcome sent at"), null=True, blank=True)
    mail_error = models.TextField(
        _("mail error"),
        blank=True,
        help_text=_("Why an e-mail could not be sent yet; retried by send_pending_mail."),
    )

    class Meta:
        verbose_name = _("profile update")
        verbose_name_plural = _("profile updates")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.page} ({timezone.localtime(self.requested_at):%Y-%m-%d %H:%M})"

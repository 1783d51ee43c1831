"""Messages visitors send to a cluster through its profile's contact form.

They are stored before they are relayed, so a message survives a failing mail server and
is sent again by ``send_pending_mail``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRequest(models.Model):
    cluster = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="contact_requests",
        help_text=_("The cluster whose profile the message was sent from."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    language_code = models.CharField(
        _("language"), max_length=10, help_text=_("The language the form was filled in.")
    )
    name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent to store and forward"), default=False)
    relayed_at = models.DateTimeField(
        _("relayed at"),
        null=True,
        blank=True,
        help_text=_("When the message was sent on to the cluster. Empty: not yet, it is retried."),
    )
    relay_attempts = models.PositiveSmallIntegerField(
        _("relay attempts"), default=0, help_text=_("How often sending it on was tried.")
    )
    relay_error = models.TextField(
        _("last relay error"),
        blank=True,
        help_text=_("Why the last try to send the message on failed, if it did."),
    )

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.name} → {self.cluster}"

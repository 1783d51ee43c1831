"""Visitors who follow industries and countries, and the digests sent to them.

A subscription is personal data: it is kept unconfirmed for a few days at most
(``RETENTION_DAYS["unconfirmed_subscriptions"]``), deleted when its owner unsubscribes, and
found, exported and erased by ``privacy.py`` with the rest.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254, unique=True)  # stored lowercase
    language_code = models.CharField(_("language"), max_length=15)
    industries = models.ManyToManyField(
        "clusterdirectory.IndustryTag",
        verbose_name=_("industries"),
        blank=True,
        related_name="+",
        help_text=_("None: every industry."),
    )
    countries = models.JSONField(
        _("countries"), default=list, blank=True, help_text=_("None: every country.")
    )
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self):
        return self.email


class DeliveryStatus(models.TextChoices):
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, to be retried")


class DigestDelivery(models.Model):
    """One digest to one subscriber: marked before it is sent, so that it is never sent
    twice, and retried when sending failed."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    covers_from = models.DateTimeField()
    covers_to = models.DateTimeField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self):
        return f"{self.subscription} ({self.covers_to:%Y-%m-%d}, {self.status})"

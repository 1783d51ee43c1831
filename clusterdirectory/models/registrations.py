"""What a cluster manager submitted through the public registration form.

The record is saved before anything else happens, so a submission survives a failing page
creation or mail server; it then points at the draft ``ClusterPage`` made from it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Country


class RegistrationStatus(models.TextChoices):
    RECEIVED = "received", _("Received, page not yet created")
    IN_MODERATION = "in_moderation", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class ClusterRegistration(models.Model):
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.RECEIVED,
        help_text=_("Follows the cluster page: awaiting approval, published or rejected."),
    )
    page = models.ForeignKey(
        "clusterdirectory.ClusterPage",
        verbose_name=_("cluster page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        help_text=_("The draft page made from the registration; edit and approve it there."),
    )
    index_page = models.ForeignKey(
        "clusterdirectory.ClusterIndexPage",
        verbose_name=_("submitted on"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The cluster directory whose registration form was used."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    language_code = models.CharField(
        _("language"),
        max_length=10,
        help_text=_("The language the form was filled in; the cluster page is made in it."),
    )
    moderators_notified_at = models.DateTimeField(
        _("moderators notified at"),
        null=True,
        blank=True,
        help_text=_("When the moderators were told by e-mail. Empty: not yet, it is retried."),
    )
    moderators_notified = models.TextField(
        _("moderators notified"),
        blank=True,
        help_text=_(
            "The addresses the notice went to. Empty although notified: nobody could be told, "
            "as no moderator has an e-mail address."
        ),
    )
    receipt_sent_at = models.DateTimeField(
        _("receipt sent at"),
        null=True,
        blank=True,
        help_text=_("When the registrant was told by e-mail that the registration arrived."),
    )
    outcome_sent = models.CharField(
        _("outcome sent"),
        max_length=20,
        choices=RegistrationStatus.choices,
        blank=True,
        help_text=_(
            "The outcome the registrant was told by e-mail. While it differs from a published "
            "or rejected status, the send_pending_mail command tries again."
        ),
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("The moderator's comment on rejecting the page; the registrant gets it."),
    )
    processing_error = models.TextField(
        _("processing error"),
        blank=True,
        help_text=_(
            "Why the page could not be created or an e-mail not be sent yet; "
            "retried by the send_pending_mail command."
        ),
    )

    name = models.CharField(_("name of the cluster"), max_length=255)
    street = models.CharField(_("street"), max_length=255)
    po_box = models.CharField(_("PO box"), max_length=50, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    # Where the map shows the cluster (WGS 84 degrees); the form checks the range.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=255)
    contact_name = models.CharField(_("contact person"), max_length=255)
    contact_title = models.CharField(_("job title"), max_length=255)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("phone"), max_length=40)
    show_contact_email = models.BooleanField(_("show e-mail on the profile"), default=False)
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"), validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    members_count = models.PositiveIntegerField(
        _("number of members"), validators=[MaxValueValidator(100_000)]
    )
    members_description = models.TextField(_("member mix"), max_length=1000, blank=True)
    industries = models.ManyToManyField(
        "clusterdirectory.IndustryTag",
        verbose_name=_("industries"),
        blank=True,
        related_name="+",
    )
    industry_other = models.CharField(_("other industry"), max_length=100, blank=True)
    focus_areas = models.TextField(_("focus business areas"), max_length=1000)
    services = models.TextField(_("services"), max_length=2000, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent = models.BooleanField(_("consent to publish and store"), default=False)
    # The one-time key of the form it was sent with: the same form sent again (the back
    # button, a second click) is recognised and not registered twice.
    form_token = models.CharField(_("form token"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("cluster registration")
        verbose_name_plural = _("cluster registrations")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["form_token"],
                condition=~models.Q(form_token=""),
                name="clusterdirectory_registration_form_once",
            )
        ]

    def __str__(self):
        return self.name

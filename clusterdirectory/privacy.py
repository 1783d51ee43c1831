"""People's data held by Matchpoint: find, export and erase it on request, and delete what is
no longer needed after the retention periods in ``CLUSTERDIRECTORY["RETENTION_DAYS"]``.

Where a person's data lives: registrations they submitted (``contact_email``), contact
requests they sent (``email``), their subscription to the digest (``email``), and cluster
pages that name them as contact person (every language, every revision, and
wagtail-localize's copy of the source page).
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import timezone
from wagtail.models import Revision

from .conf import DEFAULTS, get_setting
from .models import (
    ClusterPage,
    ClusterRegistration,
    ContactRequest,
    RegistrationStatus,
    Subscription,
)

PAGE_CONTACT_FIELDS = ["contact_name", "contact_title", "contact_email", "contact_phone"]
# Not the moderators' addresses: they are the staff's, not the registrant's data.
REGISTRATION_EXPORT_EXCLUDE = ["logo", "index_page", "page", "industries", "moderators_notified"]


def _registrations(email):
    return ClusterRegistration.objects.filter(contact_email__iexact=email)


def _contact_requests(email):
    return ContactRequest.objects.filter(email__iexact=email).select_related("cluster")


def _pages(email):
    """Every language version (live or draft) of pages naming this contact person."""
    keys = ClusterPage.objects.filter(contact_email__iexact=email).values("translation_key")
    return ClusterPage.objects.filter(translation_key__in=keys).order_by("pk")


def export_personal_data(email):
    """Everything stored about the person with this e-mail address, as JSON-ready data."""

    def jsonable(values):
        return {
            key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in values.items()
        }

    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "registrations": [
            jsonable(
                model_to_dict(registration, exclude=REGISTRATION_EXPORT_EXCLUDE)
                | {
                    "submitted_at": registration.submitted_at,
                    "industries": [tag.name for tag in registration.industries.all()],
                }
            )
            for registration in _registrations(email).prefetch_related("industries")
        ],
        "contact_requests": [
            jsonable(
                model_to_dict(request, exclude=["cluster"])
                | {"submitted_at": request.submitted_at, "cluster": request.cluster.title}
            )
            for request in _contact_requests(email)
        ],
        "subscriptions": [
            jsonable(
                {
                    "email": subscription.email,
                    "language": subscription.language_code,
                    "industries": [tag.name for tag in subscription.industries.all()],
                    "countries": subscription.countries,
                    "subscribed_at": subscription.created_at,
                    "confirmed_at": subscription.confirmed_at,
                    "last_digest_at": subscription.last_digest_at,
                }
            )
            for subscription in Subscription.objects.filter(email__iexact=email)
        ],
        "cluster_pages": [
            {
                "title": page.title,
                "language": page.locale.language_code,
                "url": page.full_url if page.live else None,
                "live": page.live,
                **{name: getattr(page, name) for name in PAGE_CONTACT_FIELDS},
            }
            for page in _pages(email).select_related("locale")
        ],
    }


@transaction.atomic
def erase_personal_data(email):
    """Delete the person's registrations and contact requests and remove them as contact
    person from cluster pages (a new revision without them, published where the page is
    live; older revisions, which still hold the data, are deleted). Returns what was done."""
    registrations = list(_registrations(email))
    for registration in registrations:
        registration.delete()  # signals.erase_registration_data takes draft page and logo
    contact_requests, _ = _contact_requests(email).delete()
    subscriptions = Subscription.objects.filter(email__iexact=email).count()
    Subscription.objects.filter(email__iexact=email).delete()  # and its digests' records
    pages = list(_pages(email))
    for page in pages:
        for name in PAGE_CONTACT_FIELDS:
            setattr(page, name, "")
        page.show_contact_email = False
        revision = page.save_revision(log_action=True, clean=False)
        if page.live:
            revision.publish(skip_permission_checks=True)
        Revision.page_revisions.filter(object_id=str(page.pk)).exclude(pk=revision.pk).delete()
    _refresh_translation_sources(pages)
    return {
        "registrations": len(registrations),
        "contact_requests": contact_requests,
        "subscriptions": subscriptions,
        "cluster_pages": len(pages),
    }


def _refresh_translation_sources(pages):
    """wagtail-localize keeps a copy of each source page for its translators: renew it."""
    try:
        from wagtail_localize.models import TranslationSource
    except ImportError:  # the plugin also runs without wagtail-localize
        return
    for page in pages:
        source = TranslationSource.objects.filter(
            object_id=page.translation_key, locale_id=page.locale_id
        ).first()
        if source is not None:
            source.update_from_db()


def purge_expired(now=None):
    """Delete registrations, contact requests that were relayed and subscriptions never
    confirmed, older than the retention periods. Returns the number deleted of each kind."""
    now = now or timezone.now()
    days = get_setting("RETENTION_DAYS")

    def older_than(kind):
        # A site's RETENTION_DAYS may predate a kind: its default then.
        return now - datetime.timedelta(days=days.get(kind, DEFAULTS["RETENTION_DAYS"][kind]))

    expired = ClusterRegistration.objects.filter(
        Q(status=RegistrationStatus.REJECTED, submitted_at__lt=older_than("rejected_registrations"))
        | Q(
            status__in=[RegistrationStatus.RECEIVED, RegistrationStatus.IN_MODERATION],
            submitted_at__lt=older_than("stale_registrations"),
        )
        | Q(
            status=RegistrationStatus.PUBLISHED,
            submitted_at__lt=older_than("published_registrations"),
        )
    )
    registrations = 0
    with transaction.atomic():
        for registration in expired:
            registration.delete()
            registrations += 1
        contact_requests, _ = ContactRequest.objects.filter(
            relayed_at__isnull=False, submitted_at__lt=older_than("contact_requests")
        ).delete()
        unconfirmed = Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=older_than("unconfirmed_subscriptions")
        )
        subscriptions = unconfirmed.count()
        unconfirmed.delete()
    return {
        "registrations": registrations,
        "contact_requests": contact_requests,
        "subscriptions": subscriptions,
    }

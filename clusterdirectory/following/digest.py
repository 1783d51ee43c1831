"""The digest: what is new for a subscriber since the last one, and sending it
(``manage.py send_digests``, daily from cron; each subscriber gets one at most every
``DIGEST_INTERVAL_DAYS``).

A delivery is recorded, and the subscriber's next digest moved on, before the e-mail is
sent: running the command again, or twice at once, never sends a digest twice. A digest
whose sending failed is tried again at the next run (``DIGEST_ATTEMPTS`` in all)."""

import datetime
import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from ..conf import get_setting
from ..models import (
    CaseStudyPage,
    ClusterPage,
    DeliveryStatus,
    DigestDelivery,
    EventPage,
    NewsPage,
    Subscription,
    industry_names,
)
from .services import unsubscribe_url

logger = logging.getLogger(__name__)
# Events starting this soon are in every digest, even when announced earlier.
SOON = datetime.timedelta(days=14)


def _published_between(pages, since, until):
    # An alias in another language may carry no first publication date of its own.
    published = Coalesce("first_published_at", "last_published_at")
    return pages.alias(published=published).filter(published__gt=since, published__lte=until)


def digest_items(subscription, since, until):
    """``{"clusters", "events", "news", "case_studies"}``: the live, public pages in the
    subscriber's language with one of their industries (any, if none chosen), new between
    ``since`` and ``until``, and the upcoming events announced since or starting soon (in
    the first digest, every upcoming event: those announced before the subscriber
    confirmed are news to them too). Countries narrow the clusters (the other pages have
    none)."""
    locale = Locale.objects.filter(language_code=subscription.language_code).first()
    if locale is None:
        return {"clusters": [], "events": [], "news": [], "case_studies": []}
    tags = list(subscription.industries.all())

    def matching(model):
        pages = model.objects.live().public().filter(locale=locale)
        if tags:
            pages = pages.filter(pk__in=model.objects.filter(industries__in=tags).values("pk"))
        return pages

    clusters = _published_between(matching(ClusterPage), since, until)
    if subscription.countries:
        clusters = clusters.filter(country__in=subscription.countries)
    events = matching(EventPage).filter(starts_at__gte=until)
    if since > subscription.confirmed_at:  # not the first digest
        announced = _published_between(matching(EventPage), since, until).values("pk")
        events = events.filter(Q(pk__in=announced) | Q(starts_at__lte=until + SOON))
    return {
        "clusters": list(clusters.order_by("title")),
        "events": list(events.order_by("starts_at")),
        "news": list(_published_between(matching(NewsPage), since, until).order_by("-date")),
        "case_studies": list(
            _published_between(matching(CaseStudyPage), since, until).order_by("title")
        ),
    }


def send_digests(now=None):
    """Retry the digests that failed, then send those that are due. Returns ``(sent,
    failed)``."""
    now = now or timezone.now()
    sent = failed = 0
    retries = DigestDelivery.objects.filter(
        status=DeliveryStatus.FAILED,
        attempts__lt=get_setting("DIGEST_ATTEMPTS"),
        subscription__confirmed_at__isnull=False,
    ).select_related("subscription")
    for delivery in retries:
        if deliver(delivery):
            sent += 1
        else:
            failed += 1
    due_before = now - datetime.timedelta(days=get_setting("DIGEST_INTERVAL_DAYS"))
    due = Subscription.objects.filter(confirmed_at__isnull=False).filter(
        Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=due_before)
    )
    for subscription in due:
        delivery, items = _start(subscription, now)
        if delivery is None:
            continue
        if deliver(delivery, items):
            sent += 1
        else:
            failed += 1
    return sent, failed


def _start(subscription, now):
    """Record the delivery of what is new for ``subscription`` and move its next digest
    on: ``(delivery, its items)``, or ``(None, None)`` when nothing is new (or another run
    got there first)."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        since = subscription.last_digest_at or subscription.confirmed_at
        due_before = now - datetime.timedelta(days=get_setting("DIGEST_INTERVAL_DAYS"))
        if subscription.last_digest_at and subscription.last_digest_at > due_before:
            return None, None
        items = digest_items(subscription, since, now)
        if not any(items.values()):
            return None, None
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
        delivery = DigestDelivery.objects.create(
            subscription=subscription,
            covers_from=since,
            covers_to=now,
            status=DeliveryStatus.SENDING,
        )
        return delivery, items


def deliver(delivery, items=None):
    """Send ``delivery``'s digest (``items`` as just found, or found again for a retry);
    whether it went out."""
    subscription = delivery.subscription
    delivery.attempts += 1
    delivery.status = DeliveryStatus.SENDING
    delivery.save(update_fields=["attempts", "status"])
    try:
        message = digest_message(subscription, delivery.covers_from, delivery.covers_to, items)
        message.send()
    except Exception as error:
        logger.exception("Could not send digest %s", delivery.pk)
        delivery.status = DeliveryStatus.FAILED
        delivery.error = f"{type(error).__name__}: {error}"
        delivery.save(update_fields=["status", "error"])
        return False
    delivery.status = DeliveryStatus.SENT
    delivery.sent_at = timezone.now()
    delivery.error = ""
    delivery.save(update_fields=["status", "sent_at", "error"])
    return True


def digest_message(subscription, since, until, items=None):
    """The digest e-mail, in the subscriber's language, with a one-click unsubscribe link in
    the text and in the ``List-Unsubscribe`` header (RFC 8058)."""
    with translation.override(subscription.language_code):
        if items is None:
            items = digest_items(subscription, since, until)
        unsubscribe = unsubscribe_url(subscription)
        names = industry_names()
        context = {
            **items,
            "industries": [names.get(tag.pk, tag.name) for tag in subscription.industries.all()],
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string("clusterdirectory/mail/digest_subject.txt", context).strip()
        body = render_to_string("clusterdirectory/mail/digest.txt", context)
    return EmailMessage(
        subject,
        body,
        None,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )

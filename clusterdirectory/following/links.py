"""The links of the e-mails to followers: confirming a subscription (with the choices it
confirms, for a week) and unsubscribing (for as long as the subscription exists)."""

from django.core import signing

from .. import signed_links
from ..conf import get_setting
from ..models import Subscription

CONFIRM, UNSUBSCRIBE = "clusterdirectory.follow-confirm", "clusterdirectory.unsubscribe"


def confirm_token(subscription, industries, countries, language_code):
    choices = {"s": subscription.pk, "i": industries, "c": countries, "l": language_code}
    return signed_links.make(choices, CONFIRM)


def confirmed_choices(token):
    """``(subscription, choices)`` of a confirmation link, or ``None`` when it is not one
    of ours, is expired (``"expired"``) or its subscription is gone."""
    try:
        choices = signed_links.read(token, CONFIRM, get_setting("FOLLOW_CONFIRM_MAX_AGE"))
    except signing.SignatureExpired:
        return "expired"
    except signing.BadSignature:
        return None
    subscription = Subscription.objects.filter(pk=choices.get("s")).first()
    return (subscription, choices) if subscription else None


def unsubscribe_token(subscription):
    return signed_links.make(subscription.pk, UNSUBSCRIBE)


def subscription_of(token):
    try:
        pk = signed_links.read(token, UNSUBSCRIBE)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=pk).first()

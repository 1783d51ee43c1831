"""Following industries and countries: double opt-in, confirming and unsubscribing."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from ..antispam import RateLimiter
from ..conf import get_setting
from ..models import ClusterIndexPage, IndustryTag, Subscription
from .links import confirm_token, unsubscribe_token

logger = logging.getLogger(__name__)


class MailFailed(Exception):
    pass


def follow_page(locale):
    """The cluster index that serves the follow pages in ``locale``: the links of the
    e-mails point there."""
    return ClusterIndexPage.objects.live().filter(locale=locale).order_by("path").first()


# Confirmation e-mails to one address: nobody can flood someone else's mailbox by
# subscribing them.
mail_limiter = RateLimiter("follow-mails", "FOLLOW_MAILS_PER_ADDRESS")


def ask_to_confirm(form, index_page, request):
    """Keep the address (unconfirmed, if it is new) and e-mail the link that confirms the
    choices of ``form``; nothing else is sent before it is followed. ``MailFailed`` when the
    e-mail could not be sent (a new address is not kept then)."""
    email = form.cleaned_data["email"]
    language_code = translation.get_language()
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(
            email=email, defaults={"language_code": language_code}
        )
    industries = [tag.slug for tag in form.cleaned_data["industries"]]
    countries = list(form.cleaned_data["countries"])
    token = confirm_token(subscription, industries, countries, language_code)
    context = {
        "link": index_page.get_full_url(request)
        + index_page.reverse_subpage("follow_confirm", kwargs={"token": token}),
        # Plain strings: the mail's ``join`` (without autoescaping) cannot join lazy ones
        # and would show the list itself.
        "industries": [
            str(form.fields["industries"].label_from_instance(tag))
            for tag in form.cleaned_data["industries"]
        ],
        "countries": [
            str(label) for code, label in form.fields["countries"].choices if code in countries
        ],
        "days": get_setting("FOLLOW_CONFIRM_MAX_AGE") // 86400,
    }
    try:
        subject = render_to_string("clusterdirectory/mail/follow_confirm_subject.txt", context)
        body = render_to_string("clusterdirectory/mail/follow_confirm.txt", context)
        send_mail(subject.strip(), body, None, [email])
    except Exception as error:
        logger.exception("Could not send the confirmation of subscription %s", subscription.pk)
        if created:
            subscription.delete()
        raise MailFailed(str(error)) from error
    mail_limiter.hit(None, who=email)
    return subscription


@transaction.atomic
def confirm(subscription, choices):
    """Apply the confirmed choices; from now on the subscriber gets digests."""
    subscription.language_code = choices["l"]
    subscription.countries = choices["c"]
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
    subscription.save()
    subscription.industries.set(IndustryTag.objects.filter(slug__in=choices["i"]))
    return subscription


def unsubscribe_url(subscription):
    """The absolute one-click link that ends ``subscription``, on the follow pages of its
    language."""
    locale = Locale.objects.filter(language_code=subscription.language_code).first()
    page = follow_page(locale) or follow_page(Locale.get_default())
    token = unsubscribe_token(subscription)
    return page.get_full_url() + page.reverse_subpage("unsubscribe", kwargs={"token": token})

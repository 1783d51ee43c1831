"""Relaying stored contact requests by e-mail to the cluster's contact person, or to the
network's contact for a cluster without one (``recipient.py``).

A failure never reaches the visitor: it is logged and kept on the record, and
``send_pending_mail`` tries again later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import ContactRequest
from .recipient import contact_recipient

logger = logging.getLogger(__name__)


def site_name(page):
    site = page.get_site()
    return (site and site.site_name) or getattr(settings, "WAGTAIL_SITE_NAME", "")


def mail_body(contact_request, recipient):
    """Plain text, built in Python: a template would HTML-escape what the visitor wrote."""
    cluster = contact_request.cluster
    values = {
        "name": contact_request.name,
        "organisation": contact_request.organisation,
        "email": contact_request.email,
        "cluster": cluster.title,
    }
    lines = []
    if recipient.is_network:
        lines += [
            _(
                "%(cluster)s has no contact person on the site, so this message comes to the "
                "network. Please pass it on to the cluster, or answer it yourself."
            )
            % values,
            "",
        ]
    lines += [
        _("%(name)s (%(organisation)s, %(email)s) wrote to %(cluster)s:") % values,
        "",
        contact_request.message,
        "",
        "-- ",
        _("Reply to this e-mail to answer %(name)s directly.") % values,
    ]
    if cluster.full_url:
        lines.append(_("Sent with the contact form on %(url)s") % {"url": cluster.full_url})
    return "\n".join(lines) + "\n"


class NoRecipient(Exception):
    pass


def build_message(contact_request):
    cluster = contact_request.cluster
    recipient = contact_recipient(cluster)
    if recipient is None:
        raise NoRecipient(f"{cluster.title} has no contact e-mail, and the site no fallback.")
    # In the language the visitor wrote in: the language of the cluster's page.
    with translation.override(contact_request.language_code or None):
        subject = _("[%(site)s] Message from %(name)s (%(organisation)s)") % {
            "site": site_name(cluster),
            "name": contact_request.name,
            "organisation": contact_request.organisation,
        }
        body = mail_body(contact_request, recipient)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[recipient.email],
        reply_to=[contact_request.email],
    )


def relay(contact_request):
    """Send one request; True on success. Never raises: the record keeps what went wrong."""
    contact_request.relay_attempts += 1
    try:
        build_message(contact_request).send()
    except Exception as error:
        logger.exception("Could not relay contact request %s", contact_request.pk)
        contact_request.relay_error = f"{type(error).__name__}: {error}"
        contact_request.save(update_fields=["relay_attempts", "relay_error"])
        return False
    contact_request.relayed_at = timezone.now()
    contact_request.relay_error = ""
    contact_request.save(update_fields=["relay_attempts", "relayed_at", "relay_error"])
    return True


def pending_contact_requests():
    return (
        ContactRequest.objects.filter(relayed_at__isnull=True)
        .select_related("cluster")
        .order_by("submitted_at")
    )


def relay_pending():
    """Try every unrelayed request again; returns ``(sent, failed)``."""
    sent = failed = 0
    for contact_request in pending_contact_requests():
        if contact_recipient(contact_request.cluster) is None:
            continue  # nobody to send it to, since the contact was removed: not a failure
        if relay(contact_request):
            sent += 1
        else:
            failed += 1
    return sent, failed

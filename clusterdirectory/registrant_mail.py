"""E-mails to the person who registered a cluster or sent changes to its profile: the
receipt, then the outcome (the live page, or the moderator's reason), in the language they
filled the form in.

Each mail is recorded on the registration or profile update once it went out; one that
failed is tried again by ``send_pending_mail`` (``retry_pending``).
"""

import logging

from django.core.mail import send_mail
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from .models import (
    ClusterRegistration,
    ProfileUpdate,
    RegistrationStatus,
    UpdateOutcome,
)

logger = logging.getLogger(__name__)

OUTCOMES = [RegistrationStatus.PUBLISHED, RegistrationStatus.REJECTED]


def _send(template, to, language, context):
    with translation.override(language or None):
        subject = render_to_string(f"clusterdirectory/mail/{template}_subject.txt", context)
        body = render_to_string(f"clusterdirectory/mail/{template}.txt", context)
    send_mail(subject.strip(), body, None, [to])


def _page_in(page, language):
    """``page`` as live in ``language`` (its translation or alias), else ``page``."""
    locale = Locale.objects.filter(language_code=language).first()
    found = page.get_translation_or_none(locale) if locale else None
    return found if found is not None and found.live else page


def _recorded(record, fields, error_field, error=None):
    setattr(record, error_field, f"{type(error).__name__}: {error}" if error else "")
    record.save(update_fields=[*fields, error_field])
    return error is None


# -- Registrations --------------------------------------------------------------------------


def send_registration_receipt(registration):
    """Whether the receipt went out."""
    try:
        _send(
            "registration_received",
            registration.contact_email,
            registration.language_code,
            {"name": registration.name},
        )
    except Exception as error:
        logger.exception("Could not send the receipt of registration %s", registration.pk)
        return _recorded(registration, [], "processing_error", error)
    registration.receipt_sent_at = timezone.now()
    return _recorded(registration, ["receipt_sent_at"], "processing_error")


def send_registration_outcome(registration):
    """Tell the registrant that the cluster is published, or why not; whether it went out
    (or there was nothing to tell)."""
    status = registration.status
    if status not in OUTCOMES or registration.outcome_sent == status:
        return True
    context = {"name": registration.name, "reason": registration.rejection_reason}
    if status == RegistrationStatus.PUBLISHED:
        if registration.page is None:  # deleted since: no page to tell of
            registration.outcome_sent = status
            return _recorded(registration, ["outcome_sent"], "processing_error")
        context["url"] = registration.page.full_url
    try:
        _send(
            f"registration_{status}",
            registration.contact_email,
            registration.language_code,
            context,
        )
    except Exception as error:
        logger.exception("Could not send the outcome of registration %s", registration.pk)
        return _recorded(registration, [], "processing_error", error)
    registration.outcome_sent = status
    return _recorded(registration, ["outcome_sent"], "processing_error")


# -- Profile updates ------------------------------------------------------------------------


def update_sender(update):
    """The contact e-mail of the changes sent with ``update`` (empty if none)."""
    if update.revision is None:
        return ""
    return update.revision.as_object().contact_email or ""


def send_update_receipt(update):
    to = update_sender(update)
    if to:
        try:
            _send("profile_update_received", to, update.language_code, {"page": update.page})
        except Exception as error:
            logger.exception("Could not send the receipt of profile update %s", update.pk)
            return _recorded(update, [], "mail_error", error)
    update.receipt_sent_at = timezone.now()
    return _recorded(update, ["receipt_sent_at"], "mail_error")


def send_update_outcome(update):
    if not update.outcome or update.outcome_sent_at is not None:
        return True
    to = update_sender(update)
    if to:
        context = {"page": update.page, "reason": update.rejection_reason}
        if update.outcome == UpdateOutcome.PUBLISHED:
            context["url"] = _page_in(update.page, update.language_code).full_url
        try:
            _send(f"profile_update_{update.outcome}", to, update.language_code, context)
        except Exception as error:
            logger.exception("Could not send the outcome of profile update %s", update.pk)
            return _recorded(update, [], "mail_error", error)
    update.outcome_sent_at = timezone.now()
    return _recorded(update, ["outcome_sent_at"], "mail_error")


# -- Retrying -------------------------------------------------------------------------------


def retry_pending():
    """Send again the receipts and outcomes that failed; returns ``(sent, failed)``."""
    tries = []
    registrations = ClusterRegistration.objects.select_related("page")
    for registration in registrations.filter(receipt_sent_at__isnull=True):
        tries.append(send_registration_receipt(registration))
    for registration in registrations.filter(status__in=OUTCOMES).exclude(outcome_sent=F("status")):
        tries.append(send_registration_outcome(registration))
    updates = ProfileUpdate.objects.select_related("page", "revision")
    for update in updates.filter(used_at__isnull=False, receipt_sent_at__isnull=True):
        tries.append(send_update_receipt(update))
    for update in updates.exclude(outcome="").filter(outcome_sent_at__isnull=True):
        tries.append(send_update_outcome(update))
    return tries.count(True), tries.count(False)

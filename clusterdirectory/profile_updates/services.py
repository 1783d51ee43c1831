"""Asking for a profile update link, and turning the updated profile into a revision of the
cluster's page in moderation."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from ..antispam import RateLimit
from ..conf import get_setting
from ..every_language import language_name
from ..models import ClusterPage, ProfileUpdate
from ..registrant_mail import send_update_receipt
from ..registration.notifications import admin_url, moderator_addresses, send_to_moderators
from ..registration.services import logo_image, profile_values, submit_to_moderation
from .links import InvalidLink, profile_page, token_for

logger = logging.getLogger(__name__)


class MailFailed(Exception):
    pass


def links_exhausted(page):
    """Whether ``page``'s cluster was sent as many links as it may be in the window: each
    goes to its contact person, who must not be flooded."""
    limit = RateLimit.parse(get_setting("PROFILE_UPDATE_LINKS_PER_CLUSTER"))
    since = timezone.now() - timezone.timedelta(seconds=limit.seconds)
    recent = ProfileUpdate.objects.filter(page=profile_page(page), requested_at__gte=since)
    return recent.count() >= limit.count


def send_link(page, request):
    """E-mail a new link to update ``page``'s profile to its contact person, or to the
    moderators where it has no contact e-mail, in the visitor's language; ``MailFailed``
    when it could not be sent (nothing is kept then)."""
    owner = profile_page(page)
    recipients = [owner.contact_email] if owner.contact_email else moderator_addresses()
    if not recipients:
        raise MailFailed("nobody to send the link to")
    update = ProfileUpdate.objects.create(
        page=owner,
        language_code=translation.get_language() or settings.LANGUAGE_CODE,
        sent_to_moderators=not owner.contact_email,
    )
    token = token_for(update)
    context = {
        "page": page,
        "link": page.get_full_url(request)
        + page.reverse_subpage("profile_update", kwargs={"token": token}),
        "hours": get_setting("PROFILE_UPDATE_LINK_MAX_AGE") // 3600,
        "to_moderators": update.sent_to_moderators,
    }
    try:
        subject = render_to_string("clusterdirectory/mail/profile_link_subject.txt", context)
        body = render_to_string("clusterdirectory/mail/profile_link.txt", context)
        send_mail(subject.strip(), body, None, recipients)
    except Exception as error:
        logger.exception("Could not send the profile update link for page %s", owner.pk)
        update.delete()
        raise MailFailed(str(error)) from error
    return update


def apply_update(update, form):
    """The profile ``form`` holds as a new revision of the cluster's page, submitted to
    moderation; the live page stays as it is until a moderator approves. Uses the link."""
    with transaction.atomic():
        update = ProfileUpdate.objects.select_for_update().get(pk=update.pk)
        if update.used_at is not None:  # the same form sent twice at once
            raise InvalidLink("used")
        page = ClusterPage.objects.get(pk=update.page_id)
        registration = form.save(commit=False)  # unsaved: the registration's own cleaning
        values = profile_values(registration)
        # The form shows the description and services as plain text: sent back unchanged,
        # they keep their formatting, links and block ids (which translations follow).
        shown = type(form).initial_for(page)
        for name in ("description", "services"):
            if same_text(form.cleaned_data.get(name, ""), shown[name]):
                del values[name]
        for name, value in values.items():
            setattr(page, name, value)
        upload = form.cleaned_data.get("logo_file")
        if upload:
            page.logo = logo_image(upload, page.title)
        page.industries.set(list(form.cleaned_data["industries"]))
        # A revision only: save_revision() leaves the live page's fields as they are.
        update.revision = page.save_revision(log_action=True)
        submit_to_moderation(page)
        update.used_at = timezone.now()
        update.save(update_fields=["revision", "used_at"])
    form.forget_kept_logo()
    transaction.on_commit(lambda: notify_moderators(update, page))
    transaction.on_commit(lambda: send_update_receipt(update))
    return update


def same_text(sent, shown):
    return " ".join(str(sent).split()) == " ".join(str(shown).split())


def notify_moderators(update, page):
    """Tell the moderators what changed, with the link to Wagtail's comparison of the live
    page and the new revision, each in their admin language; whether it went out. Wagtail's
    own workflow notice goes out too."""

    locale = Locale.objects.filter(language_code=update.language_code).first()

    def context():  # in the moderator's language
        return {
            "page": page,
            "language": language_name(locale) if locale else update.language_code,
            "compare_url": admin_url(
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[page.pk, "live", update.revision_id],
                )
            ),
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }

    try:
        told = send_to_moderators("profile_update", context)
    except Exception as error:
        # The revision is in moderation either way: Wagtail lists it for the moderators.
        logger.exception("Could not tell moderators about profile update %s", update.pk)
        update.mail_error = f"{type(error).__name__}: {error}"
        update.save(update_fields=["mail_error"])
        return False
    update.moderators_notified_at = timezone.now()
    update.moderators_notified = ", ".join(told)
    update.mail_error = ""
    update.save(update_fields=["moderators_notified_at", "moderators_notified", "mail_error"])
    return True


def retry_pending():
    """Tell the moderators of the profile updates they were not told of yet; returns
    ``(sent, failed)``."""
    pending = ProfileUpdate.objects.filter(
        used_at__isnull=False, moderators_notified_at__isnull=True
    ).select_related("page")
    told = [notify_moderators(update, update.page) for update in pending]
    return told.count(True), told.count(False)

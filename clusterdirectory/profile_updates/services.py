"""Asking for a profile update link, and turning the updated profile into a revision of the
cluster's page in moderation."""

import logging
import math
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from ..antispam import RateLimit, RateLimiter
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


class LinksExhausted(Exception):
    """The cluster was sent its new links for the window, and none of them can be sent again
    just now."""


resend_limiter = RateLimiter("profile-update-resend", "PROFILE_UPDATE_LINK_RESENDS")


def send_link(page, request):
    """E-mail a link to update ``page``'s profile to its contact person, or to the moderators
    where it has no contact e-mail, in the visitor's language; ``MailFailed`` when it could
    not be sent (nothing new is kept then).

    A new link each time, up to ``PROFILE_UPDATE_LINKS_PER_CLUSTER``; past that the latest
    link that still works is sent again (at most ``PROFILE_UPDATE_LINK_RESENDS``), so a
    stranger who asks again and again cannot keep the owner from getting one, and the
    contact person gets no more mail than that; ``LinksExhausted`` when neither is left."""
    owner = profile_page(page)
    recipients = [owner.contact_email] if owner.contact_email else moderator_addresses()
    if not recipients:
        raise MailFailed("nobody to send the link to")
    created = not links_exhausted(page)
    if created:
        update = ProfileUpdate.objects.create(
            page=owner,
            language_code=translation.get_language() or settings.LANGUAGE_CODE,
            sent_to_moderators=not owner.contact_email,
        )
    else:
        update = latest_working_link(owner)
        who = f"profile-update-{update.pk}" if update else ""
        if update is None or resend_limiter.is_exceeded(request, who=who):
            raise LinksExhausted
        resend_limiter.hit(request, who=who)
    token = token_for(update)
    works_until = update.requested_at + timedelta(
        seconds=get_setting("PROFILE_UPDATE_LINK_MAX_AGE")
    )
    context = {
        "page": page,
        "link": page.get_full_url(request)
        + page.reverse_subpage("profile_update", kwargs={"token": token}),
        "hours": max(1, math.ceil((works_until - timezone.now()).total_seconds() / 3600)),
        "to_moderators": update.sent_to_moderators,
    }
    try:
        subject = render_to_string("clusterdirectory/mail/profile_link_subject.txt", context)
        body = render_to_string("clusterdirectory/mail/profile_link.txt", context)
        send_mail(subject.strip(), body, None, recipients)
    except Exception as error:
        logger.exception("Could not send the profile update link for page %s", owner.pk)
        if created:
            update.delete()
        raise MailFailed(str(error)) from error
    return update


def latest_working_link(owner):
    """The newest link of ``owner``'s profile that is neither used nor expired, or None."""
    since = timezone.now() - timedelta(seconds=get_setting("PROFILE_UPDATE_LINK_MAX_AGE"))
    return (
        ProfileUpdate.objects.filter(page=owner, used_at__isnull=True, requested_at__gt=since)
        .order_by("-requested_at")
        .first()
    )


def pending_review(page):
    """The workflow state of changes to ``page`` waiting for review, or None."""
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        return state
    return None


def profile_to_update(page):
    """What a profile update starts from: with changes waiting for review, the page's latest
    revision (them included), else the live page. An update made from the live page would
    replace them in review and drop them."""
    if pending_review(page) is not None:
        return page.get_latest_revision_as_object()
    return page


def shown_revision_id(page):
    """The revision the form of ``profile_to_update(page)`` shows, or None."""
    return page.latest_revision_id if pending_review(page) is not None else page.live_revision_id


def apply_update(update, form, shown_revision=None):
    """The profile ``form`` holds as a new revision of the cluster's page, submitted to
    moderation; the live page stays as it is until a moderator approves. Uses the link.

    Only what the person changed on the form is applied, to the profile with any changes
    waiting for review: changes sent by someone else since the form was opened (the form
    showed ``shown_revision``) stay in.
    """
    with transaction.atomic():
        update = ProfileUpdate.objects.select_for_update().get(pk=update.pk)
        if update.used_at is not None:  # the same form sent twice at once
            raise InvalidLink("used")
        live = ClusterPage.objects.get(pk=update.page_id)
        replaced = pending_review(live)
        page = profile_to_update(live)
        shown = type(form).initial_for(_revision_shown(live, shown_revision) or page)
        registration = form.save(commit=False)  # unsaved: the registration's own cleaning
        for name, value in profile_values(registration).items():
            if any(_changed(form, sent, shown) for sent in FORM_FIELDS.get(name, [name])):
                setattr(page, name, value)
        upload = form.cleaned_data.get("logo_file")
        if upload:
            page.logo = logo_image(upload, page.title)
        if _changed(form, "industries", shown):
            page.industries.set(list(form.cleaned_data["industries"]))
        # A revision only: save_revision() leaves the live page's fields as they are.
        update.revision = page.save_revision(log_action=True)
        submit_to_moderation(page)
        update.used_at = timezone.now()
        update.save(update_fields=["revision", "used_at"])
    form.forget_kept_logo()
    replaced_at = replaced.created_at if replaced is not None else None
    transaction.on_commit(lambda: notify_moderators(update, page, replaced_at))
    transaction.on_commit(lambda: send_update_receipt(update))
    return update


# The form's fields each page field is made from, where they differ.
FORM_FIELDS = {"title": ["name"], "focus_areas": ["focus_areas", "industry_other"]}


def _revision_shown(page, revision_id):
    if not str(revision_id or "").isdigit():
        return None
    revision = page.revisions.filter(pk=int(revision_id)).first()
    return revision.as_object() if revision is not None else None


def _changed(form, name, shown):
    """Whether the person changed field ``name`` from what the form showed them."""
    if name in ("description", "services"):
        # The form shows them as plain text: sent back unchanged, they keep their
        # formatting, links and block ids (which translations follow).
        return not same_text(form.cleaned_data.get(name, ""), shown[name])
    field = form.fields[name]
    return field.has_changed(shown.get(name), form[name].value())


def same_text(sent, shown):
    return " ".join(str(sent).split()) == " ".join(str(shown).split())


def notify_moderators(update, page, replaced_at=None):
    """Tell the moderators what changed, with the link to Wagtail's comparison of the live
    page and the new revision (and that it replaces in review the changes that waited since
    ``replaced_at``, which it includes), each in their admin language; whether it went out.
    Wagtail's own workflow notice goes out too."""

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
            "replaced_at": replaced_at,
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

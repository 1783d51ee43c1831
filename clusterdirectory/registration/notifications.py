"""Telling moderators about a new registration, with what they need to judge it.

Wagtail also sends its own "submitted for moderation" notice to moderators who keep it
switched on; this message adds the registration's details and is retried when the mail
server was unreachable.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Workflow

from ..conf import get_setting
from ..every_language import aliased_locales, language_name
from .duplicates import likely_duplicates

logger = logging.getLogger(__name__)


def moderator_addresses():
    workflow = Workflow.objects.filter(name=get_setting("REGISTRATION_WORKFLOW")).first()
    if workflow is None:
        return []
    groups = []
    for task in workflow.tasks.filter(active=True).specific():
        if hasattr(task, "groups"):  # group approval tasks
            groups.extend(task.groups.all())
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(path):
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def notify_moderators(registration):
    """Send the notice; returns whether it went out (or there was nobody to tell)."""
    recipients = moderator_addresses()
    if not recipients:
        registration.moderators_notified_at = timezone.now()
        registration.save(update_fields=["moderators_notified_at"])
        return True
    page = registration.page
    shown_in = aliased_locales([page])[page.pk] if page else []
    with translation.override(settings.LANGUAGE_CODE):  # the mail's language
        language = language_name(page.locale) if page else registration.language_code
        shown_in_names = ", ".join(language_name(locale) for locale in shown_in)
    context = {
        "registration": registration,
        "language": language,
        "shown_in": shown_in_names,
        "translate_url": admin_url(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        )
        if shown_in
        else "",
        "industries": ", ".join(tag.name for tag in registration.industries.all()),
        "page_url": admin_url(reverse("wagtailadmin_pages:edit", args=[registration.page_id]))
        if registration.page_id
        else "",
        "registration_url": admin_url(
            reverse("clusterdirectory_registrations:inspect", args=[registration.pk])
        ),
        "duplicates": likely_duplicates([registration])[registration.pk],
    }
    try:
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string(
                "clusterdirectory/mail/registration_subject.txt", context
            ).strip()
            body = render_to_string("clusterdirectory/mail/registration.txt", context)
        send_mail(subject, body, None, recipients)
    except Exception as error:
        logger.exception("Could not tell moderators about registration %s", registration.pk)
        registration.processing_error = f"{type(error).__name__}: {error}"
        registration.save(update_fields=["processing_error"])
        return False
    registration.moderators_notified_at = timezone.now()
    registration.processing_error = ""
    registration.save(update_fields=["moderators_notified_at", "processing_error"])
    return True

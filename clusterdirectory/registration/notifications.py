"""Telling moderators about a new registration, with what they need to judge it.

Wagtail also sends its own "submitted for moderation" notice to moderators who keep it
switched on; this message adds the registration's details and is retried when the mail
server was unreachable. Each moderator reads it in the admin language they chose in Wagtail.
"""

import logging
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from ..conf import get_setting
from ..every_language import aliased_locales, language_name
from .duplicates import likely_duplicates

logger = logging.getLogger(__name__)


def moderators():
    """The active users with an e-mail address in the groups of the registration workflow's
    tasks: who approves registrations and profile updates, and is told of them."""
    workflow = Workflow.objects.filter(name=get_setting("REGISTRATION_WORKFLOW")).first()
    if workflow is None:
        return []
    groups = []
    for task in workflow.tasks.filter(active=True).specific():
        if hasattr(task, "groups"):  # group approval tasks
            groups.extend(task.groups.all())
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return list(users.distinct().order_by("email"))


def moderator_addresses():
    return sorted({user.email for user in moderators()})


def admin_language(user):
    """The language ``user`` chose for Wagtail's admin, else the site's default (not the
    language of the visitor whose request sends the mail)."""
    with translation.override(settings.LANGUAGE_CODE):
        return UserProfile.get_for_user(user).get_preferred_language()


def send_to_moderators(template, context_for):
    """Send ``clusterdirectory/mail/<template>.txt`` (and its ``_subject``) to every
    moderator in their own admin language, the context from ``context_for()`` called in
    that language; returns the addresses it went to. Raises what sending raised."""
    by_language = sorted((admin_language(user), user.email) for user in moderators())
    told = []
    for language, group in groupby(by_language, key=lambda pair: pair[0]):
        addresses = sorted({email for _, email in group})
        with translation.override(language):
            context = context_for()
            subject = render_to_string(f"clusterdirectory/mail/{template}_subject.txt", context)
            body = render_to_string(f"clusterdirectory/mail/{template}.txt", context)
        send_mail(subject.strip(), body, None, addresses)
        told.extend(addresses)
    return sorted(told)


def admin_url(path):
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def notify_moderators(registration):
    """Send the notice; returns whether it went out (or there was nobody to tell). The
    record keeps when, and to whom."""
    page = registration.page
    shown_in = aliased_locales([page])[page.pk] if page else []

    def context():  # in the moderator's language
        return {
            "registration": registration,
            "language": language_name(page.locale) if page else registration.language_code,
            "shown_in": ", ".join(language_name(locale) for locale in shown_in),
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
        told = send_to_moderators("registration", context)
    except Exception as error:
        logger.exception("Could not tell moderators about registration %s", registration.pk)
        registration.processing_error = f"{type(error).__name__}: {error}"
        registration.save(update_fields=["processing_error"])
        return False
    registration.moderators_notified_at = timezone.now()
    registration.moderators_notified = ", ".join(told)
    registration.processing_error = ""
    registration.save(
        update_fields=["moderators_notified_at", "moderators_notified", "processing_error"]
    )
    return True

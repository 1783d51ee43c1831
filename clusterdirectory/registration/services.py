"""From a stored registration to a draft cluster page in moderation."""

import logging

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii
from wagtail.models import Workflow

from ..conf import get_setting
from ..every_language import alias_in_every_language
from ..models import ClusterPage, ClusterRegistration, RegistrationStatus
from ..registrant_mail import send_registration_receipt
from ..text import plain_lines, plain_text, text_to_rich_text
from .logos import logo_image
from .notifications import notify_moderators
from .repeats import earlier_registration

logger = logging.getLogger(__name__)


def store_registration(form, index_page, language_code):
    """Save what the visitor submitted (with the logo as a Wagtail image), then try to turn it
    into a page. The record is committed first, so nothing is lost if the rest fails."""
    registration = form.save(commit=False)
    registration.index_page = index_page
    registration.language_code = language_code
    registration.form_token = form.cleaned_data.get("form_token") or ""
    try:
        with transaction.atomic():
            upload = form.cleaned_data.get("logo_file")
            if upload:
                registration.logo = logo_image(upload, registration.name)
            registration.save()
            form.save_m2m()
    except IntegrityError:
        earlier = earlier_registration(registration.form_token)
        if earlier is None:
            raise
        return earlier  # the same form sent twice at once: the first one counts
    form.forget_kept_logo()  # now a Wagtail image
    send_registration_receipt(registration)
    if create_page(registration):
        notify_moderators(registration)
    return registration


def submit_to_moderation(page):
    """Start the registrations' workflow (else the page's own) on ``page``'s latest revision,
    in place of a workflow already running on an earlier one."""
    workflow = Workflow.objects.filter(
        name=get_setting("REGISTRATION_WORKFLOW"), active=True
    ).first()
    if workflow is None:
        workflow = page.get_workflow()
    if workflow is None:
        return
    if page.current_workflow_state is not None:
        page.current_workflow_state.cancel(user=None)
    workflow.start(page, user=None)


def create_page(registration):
    """Make the registration's draft ClusterPage and submit it to moderation.

    Failures (a deleted index page, a mail server that the workflow's notification cannot
    reach) are logged and kept on the record; ``send_pending_mail`` tries again.
    """
    try:
        with transaction.atomic():
            page = _draft_page(registration)
            submit_to_moderation(page)
            registration.page = page
            registration.status = RegistrationStatus.IN_MODERATION
            registration.processing_error = ""
            registration.save(update_fields=["page", "status", "processing_error"])
    except Exception as error:
        logger.exception("Could not create the page for cluster registration %s", registration.pk)
        registration.processing_error = f"{type(error).__name__}: {error}"
        registration.save(update_fields=["processing_error"])
        return None
    return page


def retry_pending():
    """Finish registrations that failed half-way: create their page, then tell the
    moderators. Returns (done, failed)."""
    done = failed = 0
    pending = ClusterRegistration.objects.filter(
        status__in=[RegistrationStatus.RECEIVED, RegistrationStatus.IN_MODERATION],
        moderators_notified_at__isnull=True,
        index_page__isnull=False,
    )
    for registration in pending:
        if (registration.page_id or create_page(registration)) and notify_moderators(registration):
            done += 1
        else:
            failed += 1
    return done, failed


def profile_values(registration):
    """The ClusterPage field values of what a form like the registration's holds (a
    ``ClusterRegistration``, saved or not): plain text where the page shows text."""
    focus_areas = plain_lines(registration.focus_areas)
    if registration.industry_other.strip():
        # Industries without a tag become a focus area, which also counts for partner
        # suggestions; moderators can turn them into a tag.
        focus_areas.insert(0, plain_text(registration.industry_other))
    return {
        "title": plain_text(registration.name),
        "street": plain_text(registration.street),
        "po_box": plain_text(registration.po_box),
        "postcode": plain_text(registration.postcode),
        "city": plain_text(registration.city),
        "country": registration.country,
        "latitude": registration.latitude,
        "longitude": registration.longitude,
        "website": registration.website,
        "contact_name": plain_text(registration.contact_name),
        "contact_title": plain_text(registration.contact_title),
        "contact_email": registration.contact_email,
        "contact_phone": registration.contact_phone,
        "show_contact_email": registration.show_contact_email,
        "founded_year": registration.founded_year,
        "members_count": registration.members_count,
        "members_description": plain_text(registration.members_description),
        "focus_areas": "\n".join(focus_areas),
        "services": [("service", line) for line in plain_lines(registration.services)],
        "description": text_to_rich_text(registration.description),
    }


def _draft_page(registration):
    index = registration.index_page
    if index is None:
        raise ValueError("The cluster index this registration was sent from no longer exists.")
    values = profile_values(registration)
    page = ClusterPage(
        slug=_free_slug(index, values["title"]), live=False, logo=registration.logo, **values
    )
    page.industries.set(list(registration.industries.all()))
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    # Drafts in the other languages too, published with it: every visitor finds the cluster.
    alias_in_every_language(page)
    return page


def _free_slug(index, name):
    # ASCII, so that a URL reads the same everywhere: "Brintklynge Sønderjylland" is
    # brintklynge-sonderjylland, "Westküste" westkuste.
    base = slugify(string_to_ascii(name))[:70] or "cluster"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug

"""The contact form's pages, served by ``ClusterPage`` at ``contact/`` and ``contact/thanks/``."""

from functools import partial

from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation

from ..antispam import RateLimiter
from ..public_forms import process_public_form
from .forms import ContactForm
from .recipient import contact_recipient
from .relay import relay

limiter = RateLimiter("contact", "CONTACT_RATE_LIMIT")


def _ensure_contactable(request, page):
    """The recipient of the cluster's messages; 404 when there is none."""
    recipient = contact_recipient(page, request)
    if recipient is None or not (page.live or getattr(request, "is_preview", False)):
        raise Http404
    return recipient


def _privacy_url(request, page):
    privacy_page = page.get_parent().specific.localized_privacy_page()
    return privacy_page.get_url(request) if privacy_page else None


def store_contact_request(form, page):
    """Store the message to ``page``'s cluster, then relay it by e-mail."""
    contact_request = form.save(commit=False)
    contact_request.cluster = page
    contact_request.language_code = translation.get_language() or ""
    contact_request.save()
    # Only once the record is committed: a failing mail server must not lose it.
    transaction.on_commit(partial(relay, contact_request))
    return contact_request


def contact(request, page):
    recipient = _ensure_contactable(request, page)

    return process_public_form(
        request,
        form_class=ContactForm,
        form_kwargs={"privacy_url": _privacy_url(request, page)},
        limiter=limiter,
        template="clusterdirectory/contact_form.html",
        context={"page": page, "self": page, "recipient": recipient},
        on_valid=lambda form: store_contact_request(form, page),
        success_url=page.get_url(request) + page.reverse_subpage("contact_thanks"),
    )


def thanks(request, page):
    recipient = _ensure_contactable(request, page)
    return TemplateResponse(
        request,
        "clusterdirectory/contact_thanks.html",
        {"page": page, "self": page, "recipient": recipient},
    )

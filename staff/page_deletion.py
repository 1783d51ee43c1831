"""Deleting a page that has translations or aliases in other languages.

Wagtail deletes only the page itself: its aliases in the other languages became ordinary
drafts with the same title, its translations were left behind without their source, and a
page created again in its place got translations with a ``-1`` slug. Here the confirmation
lists the translations and aliases; aliases go with their source (they only show it), and
the editor chooses whether the translations are deleted too or kept on purpose, as pages of
their own (still translations of each other, no longer of the deleted page). Without a
choice (a request not made by the form), they are kept: nothing is deleted unasked.

It runs in Wagtail's delete view, from its ``before_delete_page`` hook: a GET shows this
confirmation instead of Wagtail's when there is something to list, a confirmed POST handles
the other languages before Wagtail deletes the page (all in the view's one transaction).
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.utils import type_to_delete_confirmation
from wagtail.models import Page, ReferenceIndex

DELETE, KEEP = "delete", "keep"
CHOICE = "translations"


def other_languages(page):
    """``(aliases, translations)`` of ``page`` in other locales (specific pages)."""
    others = Page.objects.translation_of(page).select_related("locale").order_by("locale")
    aliases = [other for other in others if other.alias_of_id == page.pk]
    translations = [other for other in others if other.alias_of_id != page.pk]
    return aliases, translations


def confirm_or_delete_other_languages(request, page):
    """The ``before_delete_page`` hook: a response of its own, or None for Wagtail's."""
    aliases, translations = other_languages(page)
    if not aliases and not translations:
        return None
    if request.method == "GET":
        return confirmation(request, page, aliases, translations)
    if request.method != "POST" or not type_to_delete_confirmation(request):
        return None  # Wagtail's view answers (and asks for the site's name again)
    # The form makes the editor choose; a request without a choice deletes nothing more.
    choice = DELETE if request.POST.get(CHOICE) == DELETE else KEEP
    for alias in aliases:
        DeletePageAction(alias, user=request.user).execute(skip_permission_checks=True)
    deletable = [t for t in translations if t.permissions_for_user(request.user).can_delete()]
    if choice == DELETE:
        for translation in deletable:
            DeletePageAction(translation, user=request.user).execute(skip_permission_checks=True)
    kept = translations if choice == KEEP else [t for t in translations if t not in deletable]
    if kept:
        # A key of their own: translations of each other, no longer of the deleted page.
        Page.objects.filter(pk__in=[t.pk for t in kept]).update(translation_key=uuid.uuid4())
    report(request, aliases, [t for t in translations if t not in kept], kept)
    return None


def report(request, aliases, deleted, kept):
    for pages, message in (
        (aliases, _("Its aliases in %(languages)s were deleted.")),
        (deleted, _("Its translations in %(languages)s were deleted.")),
        (kept, _("Its translations in %(languages)s were kept as pages of their own.")),
    ):
        if pages:
            names = [p.locale.get_display_name() for p in pages]
            messages.success(request, message % {"languages": get_text_list(names, _("and"))})


def confirmation(request, page, aliases, translations):
    usage = ReferenceIndex.get_references_to(page).group_by_source_object()
    descendant_count = page.get_descendant_count()
    rows = [
        {
            "page": other,
            "is_alias": other in aliases,
            "descendant_count": other.get_descendant_count(),
            "can_delete": other in aliases or other.permissions_for_user(request.user).can_delete(),
        }
        for other in [*aliases, *translations]
    ]
    context = {
        "page": page,
        "others": rows,
        "has_translations": bool(translations),
        "undeletable": [row["page"] for row in rows if not row["can_delete"]],
        "descendant_count": descendant_count,
        "next": get_valid_next_url_from_request(request),
        "model_opts": page._meta,
        "usage_url": reverse("wagtailadmin_pages:usage", args=[page.pk]) + "?describe_on_delete=1",
        "usage_count": usage.count(),
        "is_protected": usage.is_protected,
        # As Wagtail's own confirmation: the site's name is typed for a large deletion.
        "type_to_confirm_before_delete": descendant_count + 1
        >= getattr(settings, "WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT", 10),
        "wagtail_site_name": getattr(settings, "WAGTAIL_SITE_NAME", "wagtail"),
    }
    return render(request, "staff/confirm_delete_translated.html", context)

"""The language rule (``staff.languages``) for wagtail-localize's own views.

They have no hooks and check only the submit_translation permission or, for snippets,
the model permissions, so they are checked here, before the view runs:

- submitting a translation: only into the user's languages;
- whatever changes a translation (any admin view with a ``translation_id`` that is not
  only read: strings, overrides, PO upload, also home's checked upload, machine
  translation, stopping a translation): only translations into the user's languages;
- syncing translations from their source: only when every translation of that source is
  in the user's languages, as a sync updates all of them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

from .languages import allowed_locale_ids, allowed_locales_label

SUBMIT_VIEWS = {"submit_page_translation", "submit_snippet_translation"}
READING = {"GET", "HEAD", "OPTIONS"}


class TranslationLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        allowed = allowed_locale_ids(request.user)
        if allowed is None:
            return None
        localize = "wagtail_localize" in match.namespaces

        if localize and match.url_name in SUBMIT_VIEWS and request.method == "POST":
            chosen = set(request.POST.getlist("locales"))
            if not chosen <= {str(pk) for pk in allowed}:
                messages.error(
                    request,
                    _("You may only translate into: %(languages)s.")
                    % {"languages": allowed_locales_label(request.user)},
                )
                return redirect(request.get_full_path())
        elif "translation_id" in view_kwargs and request.method not in READING:
            target = (
                Translation.objects.filter(pk=view_kwargs["translation_id"])
                .values_list("target_locale_id", flat=True)
                .first()
            )
            if target is not None and target not in allowed:
                raise PermissionDenied
        elif localize and match.url_name == "update_translations":
            others = Translation.objects.filter(
                source_id=view_kwargs["translation_source_id"], enabled=True
            ).exclude(target_locale_id__in=allowed)
            if others.exists():
                raise PermissionDenied
        return None

"""The language rule (``staff.languages``) for wagtail-localize's own views.

They have no hooks and check only the submit_translation permission or, for snippets,
the model permissions, so they are checked here, before the view runs:

- submitting a translation: only into the user's languages;
- the translation editor's endpoints (strings, overrides, PO upload, machine translation,
  stopping a translation): only translations into the user's languages;
- syncing translations from their source: only when every translation of that source is
  in the user's languages, as a sync updates all of them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

from .languages import allowed_locale_ids, allowed_locales_label

SUBMIT_VIEWS = {"submit_page_translation", "submit_snippet_translation"}
TRANSLATION_EDITOR_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "upload_pofile",
    "machine_translate",
    "stop_translation",
}


class TranslationLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        allowed = allowed_locale_ids(request.user)
        if allowed is None:
            return None

        if match.url_name in SUBMIT_VIEWS and request.method == "POST":
            chosen = set(request.POST.getlist("locales"))
            if not chosen <= {str(pk) for pk in allowed}:
                messages.error(
                    request,
                    _("You may only translate into: %(languages)s.")
                    % {"languages": allowed_locales_label(request.user)},
                )
                return redirect(request.get_full_path())
        elif match.url_name in TRANSLATION_EDITOR_VIEWS:
            target = (
                Translation.objects.filter(pk=view_kwargs["translation_id"])
                .values_list("target_locale_id", flat=True)
                .first()
            )
            if target is not None and target not in allowed:
                raise PermissionDenied
        elif match.url_name == "update_translations":
            others = Translation.objects.filter(
                source_id=view_kwargs["translation_source_id"], enabled=True
            ).exclude(target_locale_id__in=allowed)
            if others.exists():
                raise PermissionDenied
        return None

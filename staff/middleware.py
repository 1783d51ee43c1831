"""The language rule (``staff.languages``) for wagtail-localize's own views.

They have no hooks and check only the submit_translation permission or, for snippets,
the model permissions, so they are checked here, before the view runs:

- submitting a translation: only into the user's languages;
- whatever changes a translation (any admin view with a ``translation_id`` that is not
  only read: strings, overrides, PO upload, also home's checked upload, machine
  translation, stopping a translation): only translations into the user's languages;
- syncing translations from their source: when one of them is in the user's languages, as
  far as it changes only what translators work from; publishing them or machine translating
  them on the way only when every translation of that source is in her languages, as these
  change all of them.

The translate form offers her only her languages (``process_template_response``).
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
# What the sync form does to every translation of the source.
SYNC_FOR_ALL = ("publish_translations", "use_machine_translation")


def _is_localize_view(request, names):
    match = request.resolver_match
    return match is not None and "wagtail_localize" in match.namespaces and match.url_name in names


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
            translations = Translation.objects.filter(
                source_id=view_kwargs["translation_source_id"], enabled=True
            )
            if not translations.filter(target_locale_id__in=allowed).exists():
                raise PermissionDenied
            for_all = request.method == "POST" and any(
                request.POST.get(name) for name in SYNC_FOR_ALL
            )
            if for_all and translations.exclude(target_locale_id__in=allowed).exists():
                messages.error(
                    request,
                    _(
                        "Other languages are translated too: you may sync the translations, "
                        "but not publish or machine translate them all."
                    ),
                )
                return redirect(request.get_full_path())
        return None

    def process_template_response(self, request, response):
        allowed = allowed_locale_ids(request.user)
        form = (response.context_data or {}).get("form")
        if allowed is None or form is None or not _is_localize_view(request, SUBMIT_VIEWS):
            return response
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=allowed)
        return response

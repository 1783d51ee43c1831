"""The language rule (``staff.languages``) in the admin's page and snippet views, the
"Languages" panel of the group page and the staff's dashboard panels.

Page permissions already follow the rule through ``LanguagePagePermissionPolicy``; the
page hooks below also check the page's own locale, for a page whose locale differs from
its tree's. Snippets have no such policy: their hooks are the check. They run before
wagtail-localize's hooks (``order``), which replace the edit view by its translation editor.
"""

from urllib.parse import urlencode, urlsplit

from django.core.exceptions import PermissionDenied
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Locale, TranslatableMixin

from clusterdirectory.dashboard import UntranslatedEventsPanel, missing_translations

from .dashboard import OutdatedTranslationsPanel, outdated_sources
from .languages import allowed_locale_ids, can_change, can_change_locale
from .page_creation import refuse_autosave_of_new_page
from .page_deletion import confirm_or_delete_other_languages
from .panels import GroupLocalePermissionPanel

FIRST = -10


def _deny_other_languages(request, instance):
    if isinstance(instance, TranslatableMixin) and not can_change(request.user, instance):
        raise PermissionDenied(_("You may not change content in this language."))


@hooks.register("before_create_page", order=FIRST)
def check_parent_page(request, parent_page, page_class):
    if not parent_page.is_root():
        _deny_other_languages(request, parent_page)


# After the language check: a refused user gets her 403, not this answer.
hooks.register("before_create_page", refuse_autosave_of_new_page)


@hooks.register("before_edit_page", order=FIRST)
@hooks.register("before_delete_page", order=FIRST)
@hooks.register("before_unpublish_page", order=FIRST)
@hooks.register("before_publish_page", order=FIRST)
@hooks.register("before_convert_alias_page", order=FIRST)
@hooks.register("before_edit_snippet", order=FIRST)
@hooks.register("before_publish", order=FIRST)
@hooks.register("before_unpublish", order=FIRST)
def check_language(request, instance):
    _deny_other_languages(request, instance)


# Before wagtail-localize's hook, which answers with its translation editor.
@hooks.register("before_edit_page", order=FIRST + 1)
@hooks.register("before_edit_snippet", order=FIRST + 1)
def say_the_source_changed(request, instance):
    """A translation whose source was published after the last sync: the editor says so,
    with the way to see the changes."""
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return
    source = (
        outdated_sources()
        .filter(
            object_id=instance.translation_key,
            translations__target_locale_id=instance.locale_id,
            translations__enabled=True,
        )
        .first()
    )
    if source is None:
        return
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    messages.warning(
        request,
        _(
            "The original (%(language)s) was changed after this translation was last synced "
            "with it: sync to see what changed."
        )
        % {"language": source.locale.get_display_name()},
        buttons=[
            messages.button(f"{sync_url}?{urlencode({'next': request.get_full_path()})}", _("Sync"))
        ],
    )


# After the language check: only a page the user may delete gets this far.
hooks.register("before_delete_page", confirm_or_delete_other_languages)


@hooks.register("before_move_page", order=FIRST)
def check_move(request, page, destination):
    _deny_other_languages(request, page)
    if not destination.is_root():
        _deny_other_languages(request, destination)


@hooks.register("before_delete_snippet", order=FIRST)
def check_snippets_language(request, instances):
    for instance in instances:
        _deny_other_languages(request, instance)


@hooks.register("before_create_snippet", order=FIRST)
def check_new_snippet_language(request, model):
    if not issubclass(model, TranslatableMixin):
        return
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    locale = locale or Locale.get_default()
    if not can_change_locale(request.user, locale.pk):
        raise PermissionDenied(_("You may not change content in this language."))


@hooks.register("construct_snippet_listing_buttons")
def hide_snippet_buttons_of_other_languages(buttons, snippet, user):
    """No edit, copy or delete buttons on snippets in languages the user may not change."""
    if not isinstance(snippet, TranslatableMixin) or can_change(user, snippet):
        return
    namespace = snippet.snippet_viewset.get_url_name("edit").rsplit(":", 1)[0]
    changing = {f"{namespace}:{action}" for action in ("edit", "copy", "delete")}
    buttons[:] = [button for button in buttons if _view_name(button) not in changing]


def _view_name(button):
    url = getattr(button, "url", None)
    if not url:
        return None
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


@hooks.register("register_group_permission_panel")
def register_group_locale_permission_panel():
    return GroupLocalePermissionPanel


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if panel := OutdatedTranslationsPanel.for_user(request.user):
        panels.append(panel)


@hooks.register("construct_homepage_panels", order=10)  # after the plugin added its panels
def keep_untranslated_events_to_own_languages(request, panels):
    allowed = allowed_locale_ids(request.user)
    if allowed is None:
        return
    for position, panel in enumerate(panels):
        if isinstance(panel, UntranslatedEventsPanel):
            locales = [locale for locale in panel.locales if locale.pk in allowed]
            panels[position] = UntranslatedEventsPanel(missing_translations(locales), locales)

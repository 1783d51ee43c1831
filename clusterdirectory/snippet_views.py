"""Snippet screens for translatable snippets (industry tag names, the site's menus).

wagtail-localize offers "Translate" and "Sync translated snippets" only in the listing's
"..." menu; editors look for them on the snippet they are editing. These views add the same
buttons, from wagtail-localize's own hook, to the edit screen's header menu.
"""

from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.snippets.views.snippets import EditView, SnippetViewSet


class TranslatableEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for hook in hooks.get_hooks("register_snippet_listing_buttons"):
            buttons.extend(hook(self.object, self.request.user, self.request.get_full_path()))
        return sorted(buttons)


class TranslatableSnippetViewSet(SnippetViewSet):
    edit_view_class = TranslatableEditView

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from clusterdirectory.snippet_views import TranslatableSnippetViewSet

from .models import Menu
from .po_upload import upload_pofile_checked


class MenuViewSet(TranslatableSnippetViewSet):
    """Header and footer menus, one of each per language."""

    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", LocaleColumn(), LiveStatusTagColumn(), UpdatedAtColumn()]
    list_filter = ["placement", "locale"]


register_snippet(MenuViewSet)


# Before wagtail-localize's own URLs (order 0), so that this path reaches the checked view.
@hooks.register("register_admin_urls", order=-1)
def register_checked_po_upload():
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile_checked,
            name="upload_pofile_checked",
        )
    ]

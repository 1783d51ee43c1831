from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Menu


class MenuViewSet(SnippetViewSet):
    """Header and footer menus, one of each per language."""

    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", LocaleColumn(), LiveStatusTagColumn(), UpdatedAtColumn()]
    list_filter = ["placement", "locale"]


register_snippet(MenuViewSet)

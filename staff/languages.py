"""Which languages a member of staff may change content in.

The rule: a user who is not a superuser and belongs to at least one group with languages
(``GroupLocalePermission`` rows, set on the group's edit page) may only change content in
the union of those groups' languages; users none of whose groups have languages are not
restricted. Languages restrict what the group permissions allow, they never add to them.

A page belongs to the language of its tree: permissions a restricted user's groups hold on
the root of the page tree apply only below the home pages (depth 2) of their languages,
and permissions on pages of other languages are dropped (``LanguagePagePermissionPolicy``).
So every page view, button and listing in the admin and wagtail-localize's page
translation editor follow the rule. Snippets and wagtail-localize's own views have no
permission policy that sees a locale: ``staff.wagtail_hooks`` and ``staff.middleware``
check those.
"""

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import GroupLocalePermission

_CACHE = "_staff_locale_ids"


def allowed_locale_ids(user):
    """Ids of the locales ``user`` may change, or None when not restricted."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, _CACHE):
        ids = frozenset(
            GroupLocalePermission.objects.filter(group__user=user).values_list(
                "locale_id", flat=True
            )
        )
        setattr(user, _CACHE, ids or None)
    return getattr(user, _CACHE)


def can_change_locale(user, locale_id):
    allowed = allowed_locale_ids(user)
    return allowed is None or locale_id in allowed


def can_change(user, instance):
    """Whether ``user``'s languages allow changing a translatable ``instance``."""
    return can_change_locale(user, instance.locale_id)


def allowed_locales_label(user):
    allowed = allowed_locale_ids(user) or ()
    return ", ".join(locale.get_display_name() for locale in Locale.objects.filter(pk__in=allowed))


class LanguagePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, limited to the user's languages (see the module)."""

    # Not Wagtail's cache names: a plain PagePermissionPolicy may cache on the same user.
    permission_cache_name = "_staff_page_permission_cache"
    _explorable_root_instance_cache_name = "_staff_explorable_root_page_cache"

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        allowed = allowed_locale_ids(user)
        if allowed is None:
            return permissions
        locale_homes = None
        limited = []
        for permission in permissions:
            if permission.page.depth == 1:
                if locale_homes is None:
                    locale_homes = list(Page.objects.filter(depth=2, locale_id__in=allowed))
                limited += [
                    GroupPagePermission(
                        group_id=permission.group_id,
                        page=home,
                        permission=permission.permission,
                    )
                    for home in locale_homes
                ]
            elif permission.page.locale_id in allowed:
                limited.append(permission)
        return limited

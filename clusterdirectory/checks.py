"""System checks (``manage.py check``) for what the directory needs from the site's data."""

from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _

from .conf import get_setting
from .registration.notifications import moderators

NOBODY_TOLD = _("Nobody is told by e-mail of new cluster registrations and profile updates.")


def nobody_told_hint():
    return _(
        "Give a user an e-mail address and add them to a group of the '%(workflow)s' "
        "workflow's task (Moderators by default)."
    ) % {"workflow": get_setting("REGISTRATION_WORKFLOW")}


@checks.register()
def moderators_reachable(app_configs=None, **kwargs):
    if app_configs is not None and not any(c.label == "clusterdirectory" for c in app_configs):
        return []
    try:
        reachable = bool(moderators())
    except DatabaseError:  # not migrated yet (``migrate`` runs the checks first)
        return []
    if reachable:
        return []
    return [
        checks.Warning(str(NOBODY_TOLD), hint=str(nobody_told_hint()), id="clusterdirectory.W001")
    ]

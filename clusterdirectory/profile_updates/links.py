"""The signed link that lets a cluster's manager update its profile: it names one
``ProfileUpdate``, expires (``PROFILE_UPDATE_LINK_MAX_AGE``) and works once."""

from django.apps import apps
from django.core import signing
from django.utils import timezone

from .. import signed_links
from ..conf import get_setting
from ..models import ProfileUpdate

SALT = "clusterdirectory.profile-update"


class InvalidLink(Exception):
    """``reason``: "forged" (not ours, or for another cluster), "expired" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def token_for(update):
    return signed_links.make(update.pk, SALT)


def update_for(token, page):
    """The unused ``ProfileUpdate`` of ``page``'s profile that ``token`` names, or
    ``InvalidLink``."""
    try:
        pk = signed_links.read(token, SALT, get_setting("PROFILE_UPDATE_LINK_MAX_AGE"))
    except signing.SignatureExpired:
        raise InvalidLink("expired") from None
    except signing.BadSignature:
        raise InvalidLink("forged") from None
    update = ProfileUpdate.objects.filter(pk=pk, page=profile_page(page)).first()
    if update is None:
        raise InvalidLink("forged")
    if update.used_at is not None:
        raise InvalidLink("used")
    # A link sent again carries a newer signature; it still works only a day from the first.
    age = (timezone.now() - update.requested_at).total_seconds()
    if age > get_setting("PROFILE_UPDATE_LINK_MAX_AGE"):
        raise InvalidLink("expired")
    return update


def profile_page(page):
    """The page whose content is the cluster's profile, whichever language ``page`` shows it
    in: an alias's original, a translation's source (wagtail-localize), else ``page``."""
    if page.alias_of_id:
        return page.alias_of.specific
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import TranslationSource  # optional for the plugin

        source = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .exclude(locale_id=page.locale_id)
            .first()
        )
        if source is not None:
            original = page.get_translations().filter(locale_id=source.locale_id).first()
            if original is not None:
                return original.specific
    return page

"""A logo chosen on a registration form that came back with errors, kept for the next try.

Browsers never send a file again, so a valid logo is kept and the form carries a signed token
for it: the person sees "logo.png is kept" instead of losing it. Kept logos live in the
plugin's cache, not among the media files: nothing of a form that failed is ever served, the
token names no path, and the cache forgets them after ``MAX_AGE`` (or as soon as the
registration is stored). One client address keeps at most ``KEPT_LOGOS_PER_ADDRESS`` a day;
past that the person is asked to choose the logo again when the form is right.
"""

import datetime
import os
import secrets

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from ..antispam import RateLimiter
from ..cache import get_cache

MAX_AGE = datetime.timedelta(days=1)
SALT = "clusterdirectory.registration.kept-logo"
# Where releases before December 2026 kept them, among the media; purge_old() empties it.
LEGACY_FOLDER = "registration-logos-kept"

per_address = RateLimiter("kept-logo", "KEPT_LOGOS_PER_ADDRESS")


class Expired(Exception):
    pass


def _key(kept_id):
    return f"clusterdirectory:kept-logo:{kept_id}"


def keep(upload, request):
    """Keep ``upload``; returns the token that finds it again, or None past the address's
    limit."""
    if per_address.is_exceeded(request):
        return None
    per_address.hit(request)
    kept_id = secrets.token_urlsafe(16)
    upload.seek(0)
    get_cache().set(_key(kept_id), upload.read(), timeout=int(MAX_AGE.total_seconds()))
    upload.seek(0)
    return signing.dumps({"id": kept_id, "name": os.path.basename(upload.name)}, salt=SALT)


def find(token):
    """``(id, the file as chosen)`` for a token of ``keep()``; None for a token that was not
    ours. Raises Expired when it is too old or the cache no longer has it."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise Expired from error
    except signing.BadSignature:
        return None
    content = get_cache().get(_key(kept["id"]))
    if content is None:
        raise Expired
    return kept["id"], ContentFile(content, name=kept["name"])


def forget(kept_id):
    get_cache().delete(_key(kept_id))


def purge_old(now=None):
    """Delete logos that older releases kept among the media files; returns how many."""
    if not default_storage.exists(LEGACY_FOLDER):
        return 0
    limit = (now or timezone.now()) - MAX_AGE
    deleted = 0
    for name in default_storage.listdir(LEGACY_FOLDER)[1]:
        path = f"{LEGACY_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
            deleted += 1
    return deleted

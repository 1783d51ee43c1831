"""A logo chosen on a registration form that came back with errors, kept for the next try.

Browsers never send a file again, so a valid logo is stored under a random name and the form
carries a signed token for it: the person sees "logo.png is kept" instead of losing it. Kept
files are deleted once the registration is stored, and by ``purge_personal_data`` after
``MAX_AGE``.
"""

import datetime
import os
import uuid

from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "registration-logos-kept"
MAX_AGE = datetime.timedelta(days=1)
SALT = "clusterdirectory.registration.kept-logo"


class Expired(Exception):
    pass


def keep(upload):
    """Store ``upload``; returns the token that finds it again."""
    extension = os.path.splitext(upload.name)[1].lower()[:10]
    upload.seek(0)
    path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}{extension}", upload)
    return signing.dumps({"path": path, "name": os.path.basename(upload.name)}, salt=SALT)


def find(token):
    """``(path, the file as chosen)`` for a token of ``keep()``; None for a token that was
    not ours. Raises Expired when it is too old or its file is gone."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise Expired from error
    except signing.BadSignature:
        return None
    if not default_storage.exists(kept["path"]):
        raise Expired
    return kept["path"], File(default_storage.open(kept["path"]), name=kept["name"])


def forget(path):
    default_storage.delete(path)


def purge_old(now=None):
    """Delete kept logos older than ``MAX_AGE``; returns how many."""
    if not default_storage.exists(FOLDER):
        return 0
    limit = (now or timezone.now()) - MAX_AGE
    deleted = 0
    for name in default_storage.listdir(FOLDER)[1]:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
            deleted += 1
    return deleted

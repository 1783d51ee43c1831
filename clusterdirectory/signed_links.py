"""Values signed into a link (``django.core.signing``, with the time they were made), in the
characters Wagtail's page URLs allow: letters, digits, "-" and "_" (a signature has ":")."""

import base64
import binascii

from django.core import signing


def make(value, salt):
    signed = signing.dumps(value, salt=salt, compress=True)
    return base64.urlsafe_b64encode(signed.encode()).rstrip(b"=").decode()


def read(token, salt, max_age=None):
    """The value ``make()`` signed into ``token``; ``signing.SignatureExpired`` past
    ``max_age`` seconds, ``signing.BadSignature`` for anything else."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise signing.BadSignature("not a link of ours") from None
    return signing.loads(signed, salt=salt, max_age=max_age)

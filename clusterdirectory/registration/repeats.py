"""The same registration sent again (the back button after the thank-you page, a second
click) is recognised and not registered twice.

Each form shown carries a one-time key, stored with the registration it sends: the same form
sent again carries it too. A browser that loads the form anew on the way back (it must, when
the first visit set the CSRF cookie) shows a new key, so the browser also keeps, in a signed
cookie for a day, which registrations it sent: one with the same name and website is the same
registration.
"""

import re
import secrets

from django.core import signing

from ..models import ClusterRegistration
from .duplicates import name_key, website_key

TOKEN = re.compile(r"[\w-]{1,64}", re.ASCII)
COOKIE = "clusterdirectory_registered"
SALT = "clusterdirectory.registration.sent"
MAX_AGE = 24 * 3600
REMEMBERED = 10  # registrations a browser is known to have sent


def new_form_token():
    return secrets.token_urlsafe(24)


def earlier_registration(form_token):
    """The registration already sent with the form that carried ``form_token``, or None."""
    if not TOKEN.fullmatch(form_token or ""):  # not one of ours: nothing to look up
        return None
    return ClusterRegistration.objects.filter(form_token=form_token).first()


def sent_from_this_browser(request):
    """The pks of the registrations this browser sent within ``MAX_AGE``."""
    try:
        value = request.get_signed_cookie(COOKIE, salt=SALT, max_age=MAX_AGE)
    except (KeyError, signing.BadSignature):
        return []
    return [int(pk) for pk in value.split(",") if pk.isdigit()][-REMEMBERED:]


def sent_before(request, form):
    """The registration with the same name and website that this browser sent already, or
    None."""
    sent = sent_from_this_browser(request)
    if not sent:
        return None
    name = name_key(form.cleaned_data.get("name"))
    website = website_key(form.cleaned_data.get("website"))
    for registration in ClusterRegistration.objects.filter(pk__in=sent):
        if name_key(registration.name) == name and website_key(registration.website) == website:
            return registration
    return None


def remember(request, response, registration):
    """Note on ``response`` that this browser sent ``registration``."""
    sent = [pk for pk in sent_from_this_browser(request) if pk != registration.pk]
    value = ",".join(str(pk) for pk in [*sent, registration.pk][-REMEMBERED:])
    response.set_signed_cookie(
        COOKIE,
        value,
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )

"""Query parameters the plugin's v3 routers share."""

from typing import Literal

from django.conf import settings
from django.utils.translation import get_language
from ninja.errors import HttpError
from wagtail.models import Locale

LanguageCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]


def locale_for(code):
    """The ``Locale`` of ``code``, or of the request's language (``Accept-Language``, else the
    default) when None."""
    code = code or get_language()
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:  # a language of the settings without a Locale yet
        raise HttpError(404, f"no content in {code}")
    return locale

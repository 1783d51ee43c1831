"""Protection for Matchpoint's public forms: a honeypot field and a rate limit per address.

The rate limit counts accepted submissions in Django's cache, so it is shared between
processes and machines as soon as the cache is (Redis in production).
"""

import hashlib
import re
import time
from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .conf import get_setting

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class RateLimit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, value):
        """``"5/h"`` is five per hour; ``"20/15m"`` twenty per fifteen minutes."""
        match = re.fullmatch(r"(\d+)/(\d*)([smhd])", str(value).strip())
        if not match:
            raise ImproperlyConfigured(f"Invalid rate limit {value!r}; use e.g. '5/h'.")
        count, multiplier, unit = match.groups()
        return cls(int(count), int(multiplier or 1) * UNITS[unit])


def client_ip(request):
    header = get_setting("CLIENT_IP_HEADER")
    if header and request.META.get(header):
        # A proxy may append its own chain; the client is the first address.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


class RateLimiter:
    """Fixed windows per scope and client address, or per ``who`` (e.g. an e-mail address,
    hashed: no address in the cache's keys)."""

    def __init__(self, scope, setting_name):
        self.scope = scope
        self.setting_name = setting_name

    @property
    def limit(self):
        return RateLimit.parse(get_setting(self.setting_name))

    def _key(self, request, who=None):
        window = int(time.time() // self.limit.seconds)
        who = client_ip(request) if who is None else hashlib.sha256(who.encode()).hexdigest()
        return f"clusterdirectory:ratelimit:{self.scope}:{who}:{window}"

    def is_exceeded(self, request, who=None):
        return cache.get(self._key(request, who), 0) >= self.limit.count

    def hit(self, request, who=None):
        key = self._key(request, who)
        if not cache.add(key, 1, timeout=self.limit.seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=self.limit.seconds)


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS and from screen readers) but bots fill in."""

    honeypot_field_name = "fax"

    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def is_spam(self):
        return bool(self.data.get(self.honeypot_field_name, "").strip())

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name != self.honeypot_field_name]

    @property
    def honeypot(self):
        return self[self.honeypot_field_name]

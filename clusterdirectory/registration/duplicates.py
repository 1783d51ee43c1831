"""Registrations that are likely the same cluster as another pending registration or a live
cluster: the same name (whatever the case and accents), website (by host, without scheme or
www) or e-mail address. Moderators see them before they approve."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import string_to_ascii

from ..models import ClusterPage, ClusterRegistration, RegistrationStatus

PENDING = [RegistrationStatus.RECEIVED, RegistrationStatus.IN_MODERATION]
REASONS = {"name": _("same name"), "website": _("same website"), "email": _("same e-mail")}


def name_key(name):
    """``Brintklynge  Sønderjylland`` and ``brintklynge sonderjylland`` are one name."""
    return " ".join(string_to_ascii(name or "").casefold().split())


def website_key(url):
    """``https://www.x.example/`` and ``x.example`` are one website."""
    url = (url or "").strip()
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.rstrip(".").removeprefix("www.")


def email_key(email):
    return (email or "").strip().casefold()


KEYS = {"name": name_key, "website": website_key, "email": email_key}


@dataclass(frozen=True)
class Profile:
    """What is compared of a registration or a live cluster."""

    kind: str  # "registration" or "cluster"
    pk: int
    name: str
    website: str
    email: str
    translation_key: object = None  # a cluster's, the same in every language

    def compared_keys(self):
        for what, normalise in KEYS.items():
            key = normalise(getattr(self, what))
            if key:
                yield what, key


@dataclass
class Duplicate:
    """Another pending registration or a live cluster that ``reasons`` make look the same."""

    profile: Profile
    reasons: list = field(default_factory=list)

    @property
    def name(self):
        return self.profile.name

    @property
    def kind_label(self):
        if self.profile.kind == "registration":
            return _("pending registration")
        return _("live cluster")

    @property
    def reasons_text(self):
        return ", ".join(str(REASONS[reason]) for reason in self.reasons)

    @property
    def admin_url(self):
        if self.profile.kind == "registration":
            return reverse("clusterdirectory_registrations:inspect", args=[self.profile.pk])
        return reverse("wagtailadmin_pages:edit", args=[self.profile.pk])


def compared_profiles():
    """Every pending registration, and every live cluster once (its first page by path
    stands for its translations)."""
    pending = ClusterRegistration.objects.filter(status__in=PENDING).order_by("submitted_at", "pk")
    for row in pending.values_list("pk", "name", "website", "contact_email"):
        yield Profile("registration", *row)
    seen = set()
    clusters = ClusterPage.objects.live().filter(alias_of__isnull=True).order_by("path")
    for row in clusters.values_list("pk", "title", "website", "contact_email", "translation_key"):
        if row[-1] not in seen:
            seen.add(row[-1])
            yield Profile("cluster", *row)


def likely_duplicates(registrations):
    """``{registration pk: [Duplicate, ...]}`` for ``registrations``, compared with every
    pending registration and live cluster, in two queries whatever their number."""
    with_key = {}
    for profile in compared_profiles():
        for what_key in profile.compared_keys():
            with_key.setdefault(what_key, []).append(profile)
    found = {}
    for registration in registrations:
        own_page = registration.page.translation_key if registration.page_id else None
        this = Profile(
            "registration",
            registration.pk,
            registration.name,
            registration.website,
            registration.contact_email,
        )
        matches = {}
        for what, key in this.compared_keys():
            for other in with_key.get((what, key), []):
                if other.pk == this.pk and other.kind == this.kind:
                    continue
                if own_page is not None and other.translation_key == own_page:
                    continue  # the registration's own page, once approved
                matches.setdefault(other, Duplicate(other)).reasons.append(what)
        # Live clusters first: approving would list a cluster twice.
        found[registration.pk] = sorted(
            matches.values(), key=lambda d: (d.profile.kind != "cluster", name_key(d.name))
        )
    return found

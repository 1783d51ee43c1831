"""Panels on the admin dashboard for what needs staff: a warning while no moderator would be
told of registrations, registrations to approve (with their likely duplicates), registered
clusters shown with their own text in other languages, upcoming events that are not
translated yet, and how many visitors follow each industry.

Each panel shows at most ``LIMIT`` items with the total, in a fixed number of queries, and
only to users who may act on its items.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from .checks import NOBODY_TOLD, nobody_told_hint
from .every_language import aliased_locales, language_name
from .models import ClusterRegistration, EventPage, Subscription
from .models.registrations import RegistrationStatus
from .registration.duplicates import likely_duplicates
from .registration.notifications import moderators

LIMIT = 10


class DashboardPanel(Component):
    """A list of at most ``LIMIT`` items, with their total and an empty state.

    Subclasses set ``name``, ``order``, ``heading``, ``empty_text``, ``item_template`` and
    ``for_user(user)``, which returns the panel, or None for users who may not act on it.
    """

    template_name = "clusterdirectory/dashboard/panel.html"
    heading = ""
    empty_text = ""
    index_url = None  # where all items are listed, if anywhere

    def __init__(self, queryset):
        self.queryset = queryset

    def prepare(self, items):
        """Add what the template shows to the listed items."""
        return items

    def get_context_data(self, parent_context):
        items = self.prepare(list(self.queryset[:LIMIT]))
        total = self.queryset.count()
        return {
            "panel": self,
            "items": items,
            "total": total,
            "more": total - len(items),
            "item_template": self.item_template,
        }


class NobodyToldPanel(Component):
    """A warning while no moderator can be told of registrations and profile updates: the
    notices would go nowhere."""

    name = "nobody_told"
    order = 135
    template_name = "clusterdirectory/dashboard/nobody_told.html"

    @classmethod
    def for_user(cls, user):
        may_fix = user.has_perm("auth.change_user") or user.has_perm(
            "clusterdirectory.view_clusterregistration"
        )
        return cls() if may_fix and not moderators() else None

    def get_context_data(self, parent_context):
        return {"message": NOBODY_TOLD, "hint": nobody_told_hint()}


class RegistrationsAwaitingApprovalPanel(DashboardPanel):
    name = "registrations_awaiting_approval"
    order = 140
    heading = _("Cluster registrations awaiting approval")
    empty_text = _("No registration is waiting for approval.")
    item_template = "clusterdirectory/dashboard/registration.html"

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("clusterdirectory.view_clusterregistration"):
            return None
        registrations = ClusterRegistration.objects.filter(
            status=RegistrationStatus.IN_MODERATION
        ).order_by("submitted_at", "pk")
        return cls(registrations.select_related("page"))

    @property
    def index_url(self):
        status = RegistrationStatus.IN_MODERATION
        return reverse("clusterdirectory_registrations:index") + f"?status={status}"

    def prepare(self, registrations):
        duplicates = likely_duplicates(registrations)
        for registration in registrations:
            registration.likely_duplicates = duplicates[registration.pk]
        return registrations


class RegistrationsShownUntranslatedPanel(DashboardPanel):
    """Registered clusters whose page other languages show with the registrant's text (an
    alias), until a translator translates it."""

    name = "registrations_shown_untranslated"
    order = 145
    heading = _("Registered clusters not yet translated")
    empty_text = _("Every registered cluster reads in every language.")
    item_template = "clusterdirectory/dashboard/registration_untranslated.html"

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("wagtail_localize.submit_translation"):
            return None
        aliased = Page.objects.filter(alias_of_id=OuterRef("page_id")).exclude(
            locale_id=OuterRef("page__locale_id")
        )
        registrations = (
            ClusterRegistration.objects.filter(
                status__in=[RegistrationStatus.IN_MODERATION, RegistrationStatus.PUBLISHED]
            )
            .filter(Exists(aliased))
            .select_related("page__locale")
            .order_by("-submitted_at", "-pk")
        )
        return cls(registrations)

    def prepare(self, registrations):
        shown = aliased_locales([registration.page for registration in registrations])
        for registration in registrations:
            registration.language = language_name(registration.page.locale)
            registration.aliased_locales = [
                (locale, language_name(locale)) for locale in shown[registration.page.pk]
            ]
        return registrations


def missing_translations(locales):
    """Upcoming live events in the default locale, each annotated ``missing_<code>`` for
    every other locale without a translation (an alias of the event is no translation)."""
    default = Locale.get_default()
    events = EventPage.upcoming_in(default)
    missing = Q()
    for locale in locales:
        translated = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True
        )
        events = events.annotate(**{f"missing_{locale.language_code}": ~Exists(translated)})
        missing |= Q(**{f"missing_{locale.language_code}": True})
    return events.filter(missing) if locales else events.none()


class UntranslatedEventsPanel(DashboardPanel):
    name = "untranslated_events"
    order = 150
    heading = _("Upcoming events without translations")
    empty_text = _("Every upcoming event is translated.")
    item_template = "clusterdirectory/dashboard/untranslated_event.html"

    def __init__(self, items, locales):
        super().__init__(items)
        self.locales = locales

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("wagtail_localize.submit_translation"):
            return None
        locales = list(Locale.objects.exclude(pk=Locale.get_default().pk))
        return cls(missing_translations(locales), locales)

    def prepare(self, events):
        for event in events:
            event.missing_locales = [
                locale
                for locale in self.locales
                if getattr(event, f"missing_{locale.language_code}")
            ]
        return events


class FollowersPanel(Component):
    """Confirmed followers per industry, in every language: what visitors care about. Counts
    only; the addresses are the followers' own business."""

    name = "followers_per_industry"
    order = 155
    template_name = "clusterdirectory/dashboard/followers.html"

    @classmethod
    def for_user(cls, user):
        return cls() if user.has_perm("clusterdirectory.view_clusterregistration") else None

    def get_context_data(self, parent_context):
        confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
        chosen = Subscription.industries.through.objects.filter(
            subscription__confirmed_at__isnull=False
        )
        counts = (
            chosen.values("industrytag_id", "industrytag__name")
            .annotate(followers=Count("subscription_id"))
            .order_by("-followers", "industrytag__name")
        )
        return {
            "heading": _("Followers per industry"),
            "industries": [
                {"name": row["industrytag__name"], "followers": row["followers"]} for row in counts
            ],
            "everything": confirmed.exclude(pk__in=chosen.values("subscription_id")).count(),
            "total": confirmed.count(),
            "unconfirmed": Subscription.objects.filter(confirmed_at__isnull=True).count(),
        }

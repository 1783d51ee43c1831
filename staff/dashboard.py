"""The dashboard panel "Translations out of date": sources (pages, and snippets with drafts)
published after their translations were last synced by wagtail-localize.

Snippets without drafts keep no time of change, so they cannot be listed here. Syncing
updates the translations in every language, so the panel is for users who may translate
and are not restricted to some languages (``staff.languages``).
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from clusterdirectory.dashboard import DashboardPanel

from .languages import allowed_locale_ids


def _published_at(model):
    return Subquery(
        model.objects.filter(
            translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
        ).values("last_published_at")[:1]
    )


def outdated_sources():
    """Translation sources whose object was published after they were last synced."""
    models = [Page] + [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and issubclass(model, DraftStateMixin)
    ]
    published_at = [_published_at(model) for model in models]
    enabled = Translation.objects.filter(enabled=True)
    return (
        TranslationSource.objects.annotate(
            published_at=Coalesce(*published_at) if len(published_at) > 1 else published_at[0]
        )
        .filter(
            Exists(enabled.filter(source=OuterRef("pk"))),
            published_at__gt=F("last_updated_at"),
        )
        .select_related("locale")
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=enabled.select_related("target_locale").order_by("target_locale"),
                to_attr="enabled_translations",
            )
        )
        .order_by("-published_at", "pk")
    )


class OutdatedTranslationsPanel(DashboardPanel):
    name = "outdated_translations"
    order = 160
    heading = _("Translations out of date")
    empty_text = _("Every translation is in sync with its source.")
    item_template = "staff/dashboard/outdated_translation.html"

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("wagtail_localize.submit_translation"):
            return None
        if allowed_locale_ids(user) is not None:
            return None
        return cls(outdated_sources())

    def prepare(self, sources):
        home = reverse("wagtailadmin_home")
        for source in sources:
            source.sync_url = (
                reverse("wagtail_localize:update_translations", args=[source.pk]) + f"?next={home}"
            )
        return sources

"""The dashboard panel "Translations out of date".

For those who may translate into every language: sources (pages, and snippets with drafts)
published after their translations were last synced by wagtail-localize, to sync. For a
translator into some languages (``staff.languages``): her translations of such sources, and
her translations synced with a changed source whose changed segments she has not checked
yet (``staff.changed_segments``), with what the source said before and says now.

Snippets without drafts keep no time of change: they are listed only once synced.
"""

from itertools import groupby

from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from clusterdirectory.dashboard import DashboardPanel

from .changed_segments import changed_segments
from .languages import allowed_locale_ids

CHANGES_SHOWN = 3  # changed segments shown per translation


def _published_at(prefix=""):
    """When the source's object was last published (pages, snippets with drafts)."""
    models = [Page] + [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and issubclass(model, DraftStateMixin)
    ]
    published_at = [
        Subquery(
            model.objects.filter(
                translation_key=OuterRef(f"{prefix}object_id"),
                locale_id=OuterRef(f"{prefix}locale_id"),
            ).values("last_published_at")[:1]
        )
        for model in models
    ]
    return Coalesce(*published_at) if len(published_at) > 1 else published_at[0]


def outdated_sources():
    """Translation sources whose object was published after they were last synced."""
    enabled = Translation.objects.filter(enabled=True)
    return (
        TranslationSource.objects.annotate(published_at=_published_at())
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
        if (allowed := allowed_locale_ids(user)) is not None:
            return OutdatedTranslationsInLanguagesPanel(outdated_translations(allowed), user)
        return cls(outdated_sources())

    def prepare(self, sources):
        home = reverse("wagtailadmin_home")
        for source in sources:
            source.sync_url = (
                reverse("wagtail_localize:update_translations", args=[source.pk]) + f"?next={home}"
            )
        return sources


def _has_changed_segments():
    """For a Translation: its source has a segment whose text is not validly translated into
    its language, though the same place was (see ``changed_segments``)."""
    valid = StringTranslation.objects.filter(
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    return Exists(
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .exclude(Exists(valid.filter(translation_of_id=OuterRef("string_id"))))
        .filter(Exists(valid.exclude(translation_of_id=OuterRef("string_id"))))
    )


def outdated_translations(locale_ids):
    """Enabled translations into these languages whose source was published after its last
    sync, or has changed segments they do not translate yet."""
    return (
        Translation.objects.filter(enabled=True, target_locale_id__in=locale_ids)
        .annotate(published_at=_published_at("source__"))
        .filter(Q(published_at__gt=F("source__last_updated_at")) | _has_changed_segments())
        .select_related("source", "source__specific_content_type", "target_locale")
        .order_by("-source__last_updated_at", "target_locale_id", "pk")
    )


class OutdatedTranslationsInLanguagesPanel(OutdatedTranslationsPanel):
    """The panel for a translator into some languages: her translations, with what changed."""

    item_template = "staff/dashboard/outdated_translation_in_language.html"

    def __init__(self, queryset, user):
        super().__init__(queryset)
        self.user = user

    def prepare(self, translations):
        home = reverse("wagtailadmin_home")
        changes = {}
        for locale_id, group in groupby(
            sorted(translations, key=lambda t: t.target_locale_id), lambda t: t.target_locale_id
        ):
            source_ids = [translation.source_id for translation in group]
            for segment in changed_segments(source_ids, locale_id):
                changes.setdefault((segment.source_id, locale_id), []).append(segment)
        targets = self._targets(translations)
        finder = AdminURLFinder(self.user)
        for translation in translations:
            source = translation.source
            translation.needs_sync = bool(
                translation.published_at and translation.published_at > source.last_updated_at
            )
            translation.sync_url = (
                reverse("wagtail_localize:update_translations", args=[source.pk]) + f"?next={home}"
            )
            found = changes.get((source.pk, translation.target_locale_id), [])
            translation.changes = found[:CHANGES_SHOWN]
            translation.more_changes = len(found) - len(translation.changes)
            target = targets.get((source.object_id, translation.target_locale_id))
            translation.edit_url = target and finder.get_edit_url(target)
        return translations

    @staticmethod
    def _targets(translations):
        """``{(translation key, locale id): translated object}``, a query per model."""
        found = {}
        by_model = {}
        for translation in translations:
            model = translation.source.specific_content_type.model_class()
            by_model.setdefault(model, []).append(translation)
        for model, group in by_model.items():
            objects = model.objects.filter(
                translation_key__in=[t.source.object_id for t in group],
                locale_id__in=[t.target_locale_id for t in group],
            )
            found.update({(obj.translation_key, obj.locale_id): obj for obj in objects})
        return found

"""Segments whose source text changed since they were translated.

When wagtail-localize syncs a translation with its changed source, a changed piece of text
is a new string with no translation: the translation editor showed an empty field, though
the translation of the old text is still stored, at the same place (``TranslationContext``)
of the same object. Here, as the synced source gets its new segments, each language keeps
its previous translation of that place for the new text, stored as wagtail-localize stores a
translation it cannot use: with an error (``has_error``, ``field_error``) that its editor
shows beside the text, saying what the source said before. The translator checks it and
saves it (which clears the error); until then the published translation shows the source's
text there, as for any untranslated segment.
"""

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation as translation_language
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def _translations_at(context_id, locale_id):
    return StringTranslation.objects.filter(
        context_id=context_id, locale_id=locale_id, has_error=False
    )


@receiver(post_save, sender=StringSegment)
def keep_previous_translations(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    segment = instance
    previous = (
        StringTranslation.objects.filter(
            context_id=segment.context_id,
            has_error=False,
            locale_id__in=Translation.objects.filter(
                source_id=segment.source_id, enabled=True
            ).values("target_locale_id"),
        )
        .exclude(translation_of_id=segment.string_id)
        .exclude(
            # Translated already (the same text was here before, or was translated again).
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale_id=OuterRef("locale_id"),
                )
            )
        )
        .select_related("translation_of", "locale")
        .order_by("locale_id", "-updated_at", "-pk")
    )
    kept = set()
    for old in previous:
        if old.locale_id in kept:
            continue
        kept.add(old.locale_id)
        with translation_language.override(old.locale.language_code):
            note = _(
                "The source text has changed. This is the translation of what it said "
                "before: “%(before)s”. Check it, change it where needed and save it."
            ) % {"before": old.translation_of.data}
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            locale_id=old.locale_id,
            context_id=segment.context_id,
            data=old.data,
            translation_type=old.translation_type,
            tool_name=old.tool_name,
            last_translated_by_id=old.last_translated_by_id,
            has_error=True,
            field_error=note,
        )


def changed_segments(source_ids, locale_id):
    """The string segments of these sources whose text in ``locale_id`` is not (validly)
    translated but whose place was: each with ``before`` (the source's text then) and
    ``translated_before`` (its translation), in the order of the sources' content."""
    valid = _translations_at(OuterRef("context_id"), locale_id)
    previous = valid.exclude(translation_of_id=OuterRef("string_id")).order_by("-updated_at", "-pk")
    return (
        StringSegment.objects.filter(source_id__in=source_ids)
        .exclude(Exists(valid.filter(translation_of_id=OuterRef("string_id"))))
        .annotate(
            before=Subquery(previous.values("translation_of__data")[:1]),
            translated_before=Subquery(previous.values("data")[:1]),
        )
        .filter(before__isnull=False)
        .select_related("string")
        .order_by("source_id", "order")
    )

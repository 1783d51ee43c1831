"""Industry tags shared by clusters, events and case studies.

A tag is language neutral: its slug is the key used in filter URLs (``?tag=wind-energy``),
so a filter survives a change of language. What a visitor reads is the tag's
``IndustryTagName`` in the page's locale, a translatable snippet that translators
localise in wagtail-localize like any other content. A tag without a name in some
locale falls back to its own (English) name.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.models import TranslatableMixin
from wagtail.search import index


class IndustryTag(TagBase):
    free_tagging = True

    class Meta:
        verbose_name = _("industry tag")
        verbose_name_plural = _("industry tags")
        ordering = ["name"]


class IndustryTagName(TranslatableMixin, index.Indexed, models.Model):
    tag = models.ForeignKey(
        IndustryTag,
        on_delete=models.CASCADE,
        related_name="names",
        verbose_name=_("industry tag"),
        help_text=_("The tag this name translates, as editors type it on pages."),
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("The tag's name as visitors read it in this language."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # The snippet chooser narrows its search to a language.
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("industry tag name")
        verbose_name_plural = _("industry tag names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="unique_tag_name_per_locale")
        ]

    def __str__(self):
        return self.name


def industry_names(language_code=None, *, locale=None):
    """Map tag id to its display name in a language or ``locale`` (one query)."""
    if locale is not None:
        names = IndustryTagName.objects.filter(locale_id=getattr(locale, "pk", locale))
    else:
        language_code = language_code or get_language()
        names = IndustryTagName.objects.filter(locale__language_code=language_code)
    return dict(names.values_list("tag_id", "name"))


def industry_tags():
    """Every industry tag, by name (one query)."""
    return list(IndustryTag.objects.order_by("name"))


def industry_label(tag, names):
    return names.get(tag.pk, tag.name)


class IndustryTaggedItem(TaggedItemBase):
    """A page's link to an industry tag. In the order they were added, on every database and
    after a backup is restored (PostgreSQL returns unordered rows as it pleases)."""

    class Meta:
        abstract = True
        ordering = ["pk"]


class ClusterPageTag(IndustryTaggedItem):
    tag = models.ForeignKey(IndustryTag, on_delete=models.CASCADE, related_name="cluster_items")
    content_object = ParentalKey(
        "clusterdirectory.ClusterPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPageTag(IndustryTaggedItem):
    tag = models.ForeignKey(IndustryTag, on_delete=models.CASCADE, related_name="event_items")
    content_object = ParentalKey(
        "clusterdirectory.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageTag(IndustryTaggedItem):
    tag = models.ForeignKey(IndustryTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(
        "clusterdirectory.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPageTag(IndustryTaggedItem):
    tag = models.ForeignKey(IndustryTag, on_delete=models.CASCADE, related_name="case_study_items")
    content_object = ParentalKey(
        "clusterdirectory.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

"""Filtering pages by industry tags: one helper for every listing, the search and the API.

A page type with industry tags has a ``tagged_items`` relation to its own through model
(``ClusterPageTag``...), a subclass of ``IndustryTaggedItem``.
"""

from django import forms
from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import IndustryTaggedItem


def tagged_item_models():
    """Every through model linking a page type to industry tags."""
    return [model for model in apps.get_models() if issubclass(model, IndustryTaggedItem)]


def through_model(page_model):
    """The through model of ``page_model``'s industry tags, or None for an untagged type."""
    for model in tagged_item_models():
        if model._meta.get_field("content_object").related_model is page_model:
            return model
    return None


def having_tags(queryset, slugs):
    """``queryset`` narrowed to pages having every tag in ``slugs``. For a tagged page type
    through its own tags; for pages of any type (``Page``) through every type's."""
    own = through_model(queryset.model)
    throughs = [own] if own else tagged_item_models()
    for slug in slugs:
        tagged = Q()
        for through in throughs:
            pages = through.objects.filter(tag__slug=slug).values("content_object_id")
            tagged |= Q(pk__in=pages)
        queryset = queryset.filter(tagged)
    return queryset


def tag_counts(all_pages, results):
    """For every tag used by ``all_pages``, how many ``results`` have it, that is how many
    adding it as a filter would leave."""
    return dict(
        through_model(all_pages.model)
        .objects.filter(content_object__in=all_pages)
        .values_list("tag_id")
        .annotate(n=Count("content_object_id", filter=Q(content_object__in=results)))
        .order_by()
    )


def tag_facets(counts, selected, names, tags):
    """The filter's tag choices: each of ``tags`` that ``counts`` (``tag_counts()``) knows,
    named in the visitor's language, by name."""
    facets = [
        {
            "slug": tag.slug,
            "label": names.get(tag.pk, tag.name),
            "count": counts[tag.pk],
            "selected": tag.slug in selected,
        }
        for tag in tags
        if tag.pk in counts
    ]
    return sorted(facets, key=lambda facet: facet["label"].casefold())


class IndustryFilterForm(forms.Form):
    """A listing's filter by industry tags (``?tag=a&tag=b``, slugs among ``tag_slugs``). The
    cluster, event and case-study indexes extend it with their own fields, which they read
    from the query string in ``other_data()``."""

    tag = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        error_messages={"invalid_choice": _("There is no industry called “%(value)s”.")},
    )

    def __init__(self, params, tag_slugs):
        # Empty and repeated values are harmless; drop them rather than complain.
        tags = list(dict.fromkeys(t for t in params.getlist("tag") if t))
        super().__init__({**self.other_data(params), "tag": tags})
        self.fields["tag"].choices = [(slug, slug) for slug in tag_slugs]

    def other_data(self, params):
        """The form's data besides the tags, from the query string ``params``."""
        return {}

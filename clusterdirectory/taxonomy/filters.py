"""Filtering pages by industry tags: one helper for every listing, the search and the API.

A page type with industry tags has a ``tagged_items`` relation to its own through model
(``ClusterPageTag``...), a subclass of ``IndustryTaggedItem``.
"""

from django import forms
from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..collation import sort_key
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


def having_tags(queryset, slugs, match_all=True):
    """``queryset`` narrowed to pages having every tag in ``slugs`` (any of them when not
    ``match_all``). For a tagged page type through its own tags; for pages of any type
    (``Page``) through every type's."""
    own = through_model(queryset.model)
    throughs = [own] if own else tagged_item_models()
    groups = [[slug] for slug in slugs] if match_all else [list(slugs)] if slugs else []
    for group in groups:
        tagged = Q()
        for through in throughs:
            pages = through.objects.filter(tag__slug__in=group).values("content_object_id")
            tagged |= Q(pk__in=pages)
        queryset = queryset.filter(tagged)
    return queryset


def tag_facets(counts, selected, names, tags):
    """The filter's tag choices: each of ``tags`` that ``counts`` (by slug) knows, named in
    the visitor's language, by name."""
    facets = [
        {
            "slug": tag.slug,
            "label": names.get(tag.pk, tag.name),
            "count": counts[tag.slug],
            "selected": tag.slug in selected,
        }
        for tag in tags
        if tag.slug in counts
    ]
    return sorted(facets, key=lambda facet: sort_key(facet["label"]))


class IndustryFilterForm(forms.Form):
    """A listing's filter by industry tags (``?tag=a&tag=b``, slugs among ``tag_slugs``). The
    cluster, event and case-study indexes extend it with their own fields, which they read
    from the query string in ``other_data()``."""

    tag = forms.MultipleChoiceField(
        label=_("Industries"),
        required=False,
        error_messages={"invalid_choice": _("There is no industry called “%(value)s”.")},
    )
    # Several industries give the pages having any of them; "all" those having every one.
    match = forms.ChoiceField(
        label=_("Only with all chosen industries"),
        required=False,
        choices=[("", _("Any of them")), ("all", _("All of them"))],
        error_messages={"invalid_choice": _("“%(value)s” is no way to match industries.")},
    )

    def __init__(self, params, tag_slugs):
        # Empty and repeated values are harmless; drop them rather than complain.
        tags = list(dict.fromkeys(t for t in params.getlist("tag") if t))
        data = {**self.other_data(params), "tag": tags, "match": params.get("match", "").lower()}
        super().__init__(data)
        self.fields["tag"].choices = [(slug, slug) for slug in tag_slugs]

    @property
    def match_all(self):
        return self.is_valid() and self.cleaned_data["match"] == "all"

    def other_data(self, params):
        """The form's data besides the tags, from the query string ``params``."""
        return {}

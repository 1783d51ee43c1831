"""The events index listing: upcoming and past events, filtered by industry tags and kind.

Filters behave as on the cluster index (``facets.py``): ``?tag=a&tag=b`` keeps events having
either tag (``&match=all``: both), unknown values are answered with a message and no results,
facets count what each choice would give. Every query runs once per request, whatever the
number of events.
"""

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .choices import EventKind
from .conf import get_setting
from .facets import facet_index, removal_links
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_facets, through_model

NEWS_ON_INDEX = 10


class EventFilterForm(IndustryFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        choices=[("", _("All kinds")), *EventKind.choices],
        error_messages={"invalid_choice": _("There is no kind of event called “%(value)s”.")},
    )

    def other_data(self, params):
        return {"kind": params.get("kind", "").lower()}


def filter_events(queryset, tags=(), kind="", match_all=True):
    """Events having all ``tags`` (any of them when not ``match_all``) and of ``kind``; each
    optional."""
    queryset = having_tags(queryset, tags, match_all)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def split_events(queryset, now=None):
    """``(upcoming, past)``: events not yet over, soonest first, and the others, newest first.
    An event is upcoming until it ends."""
    now = now or timezone.now()
    upcoming = queryset.filter(ends_at__gte=now).order_by("starts_at", "pk")
    past = queryset.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    return upcoming, past


def kind_facets(counts, selected):
    return [
        {
            "value": value,
            "label": label,
            "count": counts.get(value, 0),
            "selected": value == selected,
        }
        for value, label in EventKind.choices
    ]


def event_listing(index_page, request, now=None):
    """Template context for the events index: the filter form, facets, the upcoming events,
    one page of past events and the latest news."""
    index = facet_index(index_page, index_page.events_by_id, ["kind"], language_code=get_language())
    form = EventFilterForm(request.GET, index.tag_slugs)
    if form.is_valid():
        tags, kind = form.cleaned_data["tag"], form.cleaned_data["kind"]
        chosen = {"tag": tags, "kind": [kind] if kind else []}
        selection = index.select(chosen, form.match_all)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags, kind, chosen = [], "", {}
        selection = index.select({})._replace(results=0)
    event_model = apps.get_model("clusterdirectory", "EventPage")  # the models import this
    results = event_model.objects.filter(pk__in=index.ids(selection.results))
    tagged = through_model(results.model).objects.select_related("tag")
    results = results.prefetch_related(Prefetch("tagged_items", queryset=tagged))
    upcoming, past = split_events(results, now)
    past_page = Paginator(past, get_setting("EVENTS_PER_PAGE")).get_page(request.GET.get("page"))
    hints = []
    if form.is_valid() and not selection.results:
        found = index.without_each(chosen, form.match_all)
        hints = removal_links(request.GET, index, found, {"kind": EventKind.choices})
    return {
        "filter_form": form,
        "is_filtered": bool(tags or kind) or not form.is_valid(),
        "filter_count": len(tags) + bool(kind),
        "tag_facets": tag_facets(selection.counts["tag"], tags, index.names, index.tags),
        "kind_facets": kind_facets(selection.counts["kind"], kind),
        "upcoming_events": list(upcoming),
        "past_events": past_page,
        "news": index_page.news()[:NEWS_ON_INDEX],
        "industry_names": index.names,
        "removal_links": hints,
    }

"""The events index listing: upcoming and past events, filtered by industry tags and kind.

Filters behave as on the cluster index (``listing.py``): ``?tag=a&tag=b`` keeps events having
all tags, unknown values are answered with a message and no results, facets count what each
choice would leave. Every query runs once per request, whatever the number of events.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EventKind
from .conf import get_setting
from .taxonomy.filters import IndustryFilterForm, having_tags, tag_counts, tag_facets, through_model
from .taxonomy.models import industry_names, industry_tags

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


def filter_events(queryset, tags=(), kind=""):
    """Events having all ``tags`` and of ``kind``; each optional."""
    queryset = having_tags(queryset, tags)
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


def kind_facets(results_of_any_kind, selected):
    counts = dict(results_of_any_kind.order_by().values_list("kind").annotate(n=Count("pk")))
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
    all_events = index_page.events()
    names = industry_names()
    tags_known = industry_tags()
    form = EventFilterForm(request.GET, [tag.slug for tag in tags_known])
    if form.is_valid():
        tags, kind = form.cleaned_data["tag"], form.cleaned_data["kind"]
        any_kind = filter_events(all_events, tags)
        results = facet_base = filter_events(any_kind, kind=kind)
    else:
        # Nothing matches a filter we do not know; the facets still offer a way back.
        tags, kind = [], ""
        any_kind = facet_base = all_events
        results = all_events.none()

    tagged = through_model(results.model).objects.select_related("tag")
    results = results.prefetch_related(Prefetch("tagged_items", queryset=tagged))
    upcoming, past = split_events(results, now)
    past_page = Paginator(past, get_setting("EVENTS_PER_PAGE")).get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "is_filtered": bool(tags or kind) or not form.is_valid(),
        "tag_facets": tag_facets(tag_counts(all_events, facet_base), tags, names, tags_known),
        "kind_facets": kind_facets(any_kind, kind),
        "upcoming_events": list(upcoming),
        "past_events": past_page,
        "news": index_page.news()[:NEWS_ON_INDEX],
        "industry_names": names,
    }

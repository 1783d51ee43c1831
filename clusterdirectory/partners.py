"""Potential partners across the border: the clusters editors link to a cluster by hand, then
live clusters of the other country ranked by shared industries and focus areas.

The ranking runs in the database, so a cluster page costs the same few queries however many
clusters the directory holds.
"""

import json
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import add

from django.db.models import Case, Count, IntegerField, Q, Value, When
from wagtail.models import Page

from .cache import cached
from .choices import Country
from .conf import get_setting
from .localized import localized_choices
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names, industry_tags

# Focus areas are free text; editors separate them by commas, semicolons or new lines.
FOCUS_SEPARATORS = re.compile(r"[,;\r\n]+")
MIN_TERM_LENGTH = 3  # shorter pieces ("IT", "&") match too much
MAX_TERMS = 20  # keeps the ranking query small whatever editors type


@dataclass(frozen=True)
class Partner:
    page: Page  # a ClusterPage
    hand_picked: bool = False
    shared_tags: list = field(default_factory=list)  # [(slug, name)] in the page's language


def focus_terms(text):
    """The distinct focus areas in ``text``, in their order, ignoring case."""
    terms = {}
    for piece in FOCUS_SEPARATORS.split(text or ""):
        term = piece.strip().rstrip(".").strip()
        if len(term) >= MIN_TERM_LENGTH:
            terms.setdefault(term.casefold(), term)
    return list(terms.values())[:MAX_TERMS]


def hand_picked_partners(page, clusters):
    """The partners the editors chose, in their order and each once, as their translations
    among ``clusters`` (the links may point at pages in the source language); never the
    page itself."""
    chosen = [link.partner for link in page.partner_links.select_related("partner")]
    others = clusters.exclude(translation_key=page.translation_key)
    return localized_choices(chosen, page.locale_id, others)


def suggested_partners(page, clusters, tag_ids, exclude=()):
    """``clusters`` of the other country sharing at least one tag in ``tag_ids`` or one of the
    page's focus areas: most shared tags first, then most shared focus areas, then by title."""
    limit = get_setting("PARTNER_SUGGESTIONS")
    terms = focus_terms(page.focus_areas)
    if limit <= 0 or not (tag_ids or terms):
        return []
    others = [country for country in Country.values if country != page.country]
    shared_focus = reduce(
        add,
        [
            Case(When(focus_areas__icontains=term, then=1), default=0, output_field=IntegerField())
            for term in terms
        ],
        Value(0, output_field=IntegerField()),
    )
    return list(
        clusters.filter(country__in=others)
        .exclude(pk__in=[page.pk, *exclude])
        .annotate(
            shared_tag_count=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            ),
            shared_focus_count=shared_focus,
        )
        .filter(Q(shared_tag_count__gt=0) | Q(shared_focus_count__gt=0))
        .order_by("-shared_tag_count", "-shared_focus_count", "title", "pk")[:limit]
    )


def ranked_partners(page, tag_ids):
    """``[(pk, hand picked, ids of the tags shared with page)]`` for ``page``'s partners.
    Ranking compares ``page`` with every cluster across the border, so the answer is kept
    until content changes, under the page's own data (a preview's differs)."""
    chosen_ids = [link.partner_id for link in page.partner_links.all()]

    def compute():
        clusters = type(page).live_in(page.locale_id)
        chosen = hand_picked_partners(page, clusters) if chosen_ids else []
        suggested = suggested_partners(
            page, clusters, tag_ids, exclude=[partner.pk for partner in chosen]
        )
        partners = [(p.pk, True) for p in chosen] + [(p.pk, False) for p in suggested]
        shared = {pk: [] for pk, _ in partners}
        if partners and tag_ids:
            items = (
                through_model(type(page))
                .objects.filter(content_object_id__in=list(shared), tag_id__in=tag_ids)
                .values_list("content_object_id", "tag_id")
            )
            for pk, tag_id in items:
                shared[pk].append(tag_id)
        return [(pk, hand_picked, shared[pk]) for pk, hand_picked in partners]

    key = json.dumps(
        [
            "partners",
            page.pk,
            page.translation_key.hex,
            page.locale_id,
            page.country,
            page.focus_areas,
            sorted(tag_ids),
            chosen_ids,
            get_setting("PARTNER_SUGGESTIONS"),
        ]
    )
    return cached(key, compute)


def potential_partners(page, tag_ids=None, names=None):
    """The partners a cluster page shows: hand-picked ones first, then suggestions, each with
    the industry tags it shares with ``page`` named in the page's language. ``tag_ids`` and
    ``names`` save their queries when the caller has them already."""
    if tag_ids is None:
        tag_ids = [item.tag_id for item in page.tagged_items.all()]
    ranked = ranked_partners(page, tag_ids)
    if not ranked:
        return []
    pages = {
        partner.pk: partner
        for partner in type(page).live_in(page.locale_id).filter(pk__in=[pk for pk, _, _ in ranked])
    }
    if names is None:
        names = industry_names(locale=page.locale_id)
    tags = {tag.pk: tag for tag in industry_tags()}
    partners = []
    for pk, hand_picked, shared_ids in ranked:
        if pk not in pages:  # unpublished since, before the cache has heard of it
            continue
        shared = [(tags[i].slug, names.get(i, tags[i].name)) for i in shared_ids if i in tags]
        partners.append(
            Partner(
                page=pages[pk],
                hand_picked=hand_picked,
                shared_tags=sorted(shared, key=lambda tag: tag[1].casefold()),
            )
        )
    return partners

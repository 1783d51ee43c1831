"""Potential partners across the border: the clusters editors link to a cluster by hand, then
live clusters of the other country ranked by shared industries and focus areas.

A cluster and its translations are one cluster: partners are compared in every language
(a Danish cluster registered in Danish is a partner of German clusters), and each is shown
in the page's language where it has a live version there, else in its own.

The ranking runs in the database, so a cluster page costs the same few queries however many
clusters the directory holds.
"""

import json
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import add

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from .cache import cached
from .choices import Country
from .collation import sort_key
from .conf import get_setting
from .every_language import language_name
from .localized import localized_choices
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names

# Focus areas are free text; editors separate them by commas, semicolons or new lines.
FOCUS_SEPARATORS = re.compile(r"[,;\r\n]+")
MIN_TERM_LENGTH = 3  # shorter pieces ("IT", "&") match too much
MAX_TERMS = 20  # keeps the ranking query small whatever editors type


@dataclass(frozen=True)
class Partner:
    page: Page  # a ClusterPage
    hand_picked: bool = False
    shared_tags: list = field(default_factory=list)  # [(slug, name)] in the page's language

    @property
    def language(self):
        """The name of the partner page's language, in the language of the moment."""
        return language_name(self.page.locale)


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
    among ``clusters`` where they have one, else as chosen; never the page itself."""
    chosen = [link.partner for link in page.partner_links.select_related("partner")]
    others = clusters.exclude(translation_key=page.translation_key)
    return localized_choices(chosen, page.locale_id, others, fallback=True)


def suggested_partners(page, clusters, tag_ids, exclude=()):
    """``clusters`` (in every language) of the other country sharing at least one tag in
    ``tag_ids`` or one of the page's focus areas, one page per cluster (``exclude``: their
    translation keys): most shared tags first, then most shared focus areas, then by title;
    a cluster's version in the page's language first."""
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
    # Each cluster's live page in the page's language, if it has one, is what is shown.
    here = clusters.filter(locale_id=page.locale_id, translation_key=OuterRef("translation_key"))
    ranked = (
        clusters.filter(country__in=others)
        .exclude(translation_key__in=[page.translation_key, *exclude])
        .annotate(
            shared_tag_count=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            ),
            shared_focus_count=shared_focus,
            elsewhere=Case(When(locale_id=page.locale_id, then=0), default=1),
            here_pk=Subquery(here.values("pk")[:1]),
        )
        .filter(Q(shared_tag_count__gt=0) | Q(shared_focus_count__gt=0))
        .order_by("-shared_tag_count", "-shared_focus_count", "elsewhere", "title", "pk")
    )
    # A cluster has at most one page per language: that many rows hold ``limit`` clusters.
    best = {}
    for cluster in ranked[: limit * len(get_content_languages())]:
        best.setdefault(cluster.translation_key, cluster)
    return list(best.values())[:limit]


def ranked_partners(page, tag_ids):
    """``[(pk, hand picked, ids of the tags shared with page)]`` for ``page``'s partners.
    Ranking compares ``page`` with every cluster across the border, so the answer is kept
    until content changes, under the page's own data (a preview's differs)."""
    chosen_ids = [link.partner_id for link in page.partner_links.all()]

    def compute():
        clusters = type(page).live_in()
        chosen = hand_picked_partners(page, clusters) if chosen_ids else []
        suggested = suggested_partners(
            page, clusters, tag_ids, exclude=[partner.translation_key for partner in chosen]
        )
        suggested_ids = [p.here_pk or p.pk for p in suggested]
        partners = [(p.pk, True) for p in chosen] + [(pk, False) for pk in suggested_ids]
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


def potential_partners(page, tags=None, names=None):
    """The partners a cluster page shows: hand-picked ones first, then suggestions, each with
    the industry tags it shares with ``page`` named in the page's language. ``tags`` (the
    page's IndustryTags) and ``names`` save their queries when the caller has them already."""
    if tags is None:
        tags = [item.tag for item in page.tagged_items.select_related("tag")]
    tags = {tag.pk: tag for tag in tags}  # what is shared is among them
    ranked = ranked_partners(page, list(tags))
    if not ranked:
        return []
    pages = {
        partner.pk: partner
        for partner in type(page)
        .live_in()
        .filter(pk__in=[pk for pk, _, _ in ranked])
        .select_related("locale")
    }
    if names is None:
        names = industry_names(locale=page.locale_id)
    partners = []
    for pk, hand_picked, shared_ids in ranked:
        if pk not in pages:  # unpublished since, before the cache has heard of it
            continue
        shared = [(tags[i].slug, names.get(i, tags[i].name)) for i in shared_ids if i in tags]
        partners.append(
            Partner(
                page=pages[pk],
                hand_picked=hand_picked,
                shared_tags=sorted(shared, key=lambda tag: sort_key(tag[1])),
            )
        )
    return partners

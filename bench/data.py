"""Synthetic directory for the benchmark: the demo site, then clusters up to ``--size`` in each
of English, Danish and German, with industry tags of Zipf-like popularity (a few tags on many
clusters, many on few) and about 60 % German and 40 % Danish clusters, as at the border.

Run by ``python -m bench`` with the bench settings and a database of its own; writes a JSON
file with the URLs the benchmark requests.
"""

import argparse
import itertools
import json
import random
import sys
import uuid
from urllib.parse import urlencode

import django


def zipf_weights(count, exponent=1.1):
    return [1 / rank**exponent for rank in range(1, count + 1)]


def add_clusters(index, locale, clusters):
    """Live cluster pages under ``index``, written in bulk: a page at a time through Wagtail's
    tree API takes an hour for 9,000 pages on a small machine. What Wagtail's ``add_child``
    and ``publish`` would store for a page without revisions; search and reference indexes
    are not what the benchmark measures and stay empty for these pages."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from clusterdirectory.listing import cluster_search_text
    from clusterdirectory.models import ClusterPage, ClusterPageTag

    now = timezone.now()
    content_type = ContentType.objects.get_for_model(ClusterPage)
    first = index.numchild + 1
    pages = Page.objects.bulk_create(
        Page(
            path=ClusterPage._get_path(index.path, index.depth + 1, first + i),
            depth=index.depth + 1,
            numchild=0,
            title=fields["title"],
            draft_title=fields["title"],
            slug=fields["slug"],
            url_path=f"{index.url_path}{fields['slug']}/",
            content_type=content_type,
            locale=locale,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        for i, (fields, _tags, key) in enumerate(clusters)
    )
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))
    for page, (fields, _tags, _key) in zip(pages, clusters, strict=True):
        # Only the cluster's own table: the page row exists already.
        cluster = ClusterPage(page_ptr_id=page.pk, **fields)
        cluster.search_text = cluster_search_text(cluster)  # what save() would store
        cluster.save_base(raw=True, force_insert=True)
    ClusterPageTag.objects.bulk_create(
        ClusterPageTag(content_object_id=page.pk, tag=tag)
        for page, (_fields, tags, _key) in zip(pages, clusters, strict=True)
        for tag in tags
    )


def build(size, seed=7):
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Locale

    from clusterdirectory.models import (
        ClusterIndexPage,
        ClusterPage,
        IndustryTag,
        IndustryTagName,
    )

    call_command("migrate", verbosity=0, interactive=False)
    if not ClusterIndexPage.objects.exists():  # building on a copy that has the demo already
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    rng = random.Random(seed)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    indexes = {
        code: ClusterIndexPage.objects.get(locale=locale) for code, locale in locales.items()
    }
    tags = list(IndustryTag.objects.order_by("pk"))
    for n in range(len(tags) + 1, 41):  # 40 industries in all
        tag = IndustryTag.objects.create(name=f"Industry {n}", slug=f"industry-{n}")
        tags.append(tag)
        for code, word in (("da", "Erhverv"), ("de", "Branche")):
            IndustryTagName.objects.create(tag=tag, locale=locales[code], name=f"{word} {n}")
    rng.shuffle(tags)  # popularity independent of the demo's own tags
    weights = zipf_weights(len(tags))

    existing = ClusterPage.objects.filter(locale=locales["en"]).count()
    clusters = []
    for n in range(existing, size):
        chosen = set(rng.choices(tags, weights, k=rng.choice((1, 1, 2, 2, 3, 4))))
        fields = {
            "title": f"Cluster {n:05d}",
            "slug": f"cluster-{n:05d}",
            "country": "DE" if rng.random() < 0.6 else "DK",
            "city": rng.choice(["Flensburg", "Kiel", "Husum", "Sønderborg", "Odense"]),
            "focus_areas": "Cross-border cooperation, innovation",
            "description": "<p>A synthetic cluster for the benchmark.</p>",
            "members_count": rng.randint(10, 400),
        }
        clusters.append((fields, chosen, uuid.uuid4()))
    with transaction.atomic():
        for code, index in indexes.items():
            add_clusters(index, locales[code], clusters)
    # The same URLs at every size: the two most popular synthetic tags and one cluster.
    first, second = tags[0].slug, tags[1].slug
    synthetic = next(tag.slug for tag in tags if tag.slug.startswith("industry-"))
    # Filters never asked before, each request another: pairs of the 20 most popular tags
    # (or one alone), a country or none, a place or no text.
    popular = [tag.slug for tag in tags[:20]]
    filters = [
        [*pair, country, text]
        for pair in [*((a,) for a in popular), *itertools.combinations(popular, 2)]
        for country in ("DE", "DK", "")
        for text in ("", "Flensburg", "Kiel", "Husum", "Odense", "cluster")
    ]
    rng.shuffle(filters)
    cluster = ClusterPage.objects.get(locale=locales["en"], slug=f"cluster-{min(size, 30) - 5:05d}")
    index_url = indexes["en"].url
    return {
        "size": size,
        "index": index_url,
        "filtered": f"{index_url}?tag={first}&tag={second}&country=DE",
        "cold": [
            index_url + "?" + urlencode([("tag", t) for t in chosen] + [("country", c), ("q", q)])
            for *chosen, c, q in filters
        ],
        # For the cold row's query count: a filter with results at every size, synthetic
        # clusters only (a tag of theirs, a word of their names).
        "cold_probe": index_url + "?" + urlencode([("tag", synthetic), ("q", "Cluster")]),
        "cluster": cluster.url,
        "api": f"/api/v3/clusters/?locale=en&industry={first}&facets=industry,country",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="clusters per language")
    parser.add_argument("--urls", required=True, help="where to write the URLs (JSON)")
    args = parser.parse_args(argv)
    django.setup()
    urls = build(args.size)
    with open(args.urls, "w") as file:
        json.dump(urls, file, indent=2)


if __name__ == "__main__":
    sys.exit(main())

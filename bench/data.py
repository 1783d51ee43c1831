"""Synthetic directory for the benchmark: the demo site, then clusters up to ``--size`` in each
of English, Danish and German, with industry tags of Zipf-like popularity (a few tags on many
clusters, many on few) and about 60 % German and 40 % Danish clusters, as at the border.

Run by ``python -m bench`` with the bench settings and a database of its own; writes a JSON
file with the URLs the benchmark requests.
"""

import argparse
import json
import random
import sys

import django


def zipf_weights(count, exponent=1.1):
    return [1 / rank**exponent for rank in range(1, count + 1)]


def build(size, seed=7):
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings
    from wagtail.models import Locale
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from clusterdirectory.models import (
        ClusterIndexPage,
        ClusterPage,
        ClusterPageTag,
        IndustryTag,
        IndustryTagName,
    )

    call_command("migrate", verbosity=0, interactive=False)
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
    # Search and reference indexes are not what the benchmark measures: skip their updates.
    search = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}

    with (
        override_settings(WAGTAILSEARCH_BACKENDS=search),
        disable_reference_index_auto_update(),
        transaction.atomic(),
    ):
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
            source = None
            for code in ("en", "da", "de"):
                page = ClusterPage(locale=locales[code], **fields)
                if source is not None:
                    page.translation_key = source.translation_key
                indexes[code].add_child(instance=page)
                ClusterPageTag.objects.bulk_create(
                    ClusterPageTag(content_object=page, tag=tag) for tag in chosen
                )
                source = source or page

    popular = sorted(tags, key=lambda tag: -ClusterPageTag.objects.filter(tag=tag).count())
    middle = ClusterPage.objects.filter(locale=locales["en"]).order_by("title")[size // 2]
    index_url = indexes["en"].url
    return {
        "size": size,
        "index": index_url,
        "filtered": f"{index_url}?tag={popular[0].slug}&tag={popular[1].slug}&country=DE",
        "cluster": middle.url,
        "api": "/api/v2/pages/?type=clusterdirectory.ClusterPage&fields=*"
        f"&industry={popular[0].slug}&locale=en",
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

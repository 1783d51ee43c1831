"""Where a city is, from the list of Danish and German places the plugin ships
(``data/places-dk-de.tsv``: GeoNames, CC BY 4.0, made by scripts/make_places.py): the
registration form puts a cluster at its city with no third party asked. Names are matched
however they are spelt on either side of the border: Sonderborg and Sønderborg, Aabenraa and
Åbenrå, Muenchen and München, Flensborg and Flensburg."""

import functools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

PLACES = Path(__file__).resolve().parent / "data" / "places-dk-de.tsv"
# The letters that Unicode does not take apart, and the spellings without umlauts.
PLAIN = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})
SPELLED_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa", "ø": "oe", "æ": "ae", "ß": "ss"}
)


class Place(NamedTuple):
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


def keys(name):
    """The forms a name is matched in: without accents, and with umlauts spelt out."""
    name = name.casefold().strip()
    found = set()
    for table in (PLAIN, SPELLED_OUT):
        text = unicodedata.normalize("NFKD", name.translate(table))
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = " ".join(re.sub(r"[^\w]+", " ", text).split())
        if text:
            found.add(text)
    return found


@functools.cache
def places():
    """{(country, key): the most populous place of that name}"""
    found = {}
    with PLACES.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            name, country, latitude, longitude, population, others = line.rstrip("\n").split("\t")
            place = Place(name, country, float(latitude), float(longitude), int(population))
            for spelling in [name, *filter(None, others.split("|"))]:
                for key in keys(spelling):
                    known = found.get((country, key))
                    if known is None or known.population < place.population:
                        found[(country, key)] = place
    return found


def find(city, country):
    """The place called ``city`` in ``country`` ("DK" or "DE"), or None."""
    if not city or not country:
        return None
    known = places()
    matches = [known[(country, key)] for key in keys(city[:200]) if (country, key) in known]
    return max(matches, key=lambda place: place.population, default=None)


def city_location(page):
    """A geocoder (``CLUSTERDIRECTORY["GEOCODER"]``) that places a cluster at its city."""
    place = find(str(page.city), page.country)
    return (place.latitude, place.longitude) if place else None

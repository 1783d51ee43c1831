"""Alphabetical order in the reader's language, for every list of names we sort.

Comparing code points puts "Ärzte" after "Zucker" (wrong in German) and sorts Danish å
before æ and ø (Danish: æ, ø, å, after z). Each language's rule for the letters of this
region, without a collation library:

- Danish and Norwegian: æ (and ä), ø (and ö), å (and aa, as in Aabenraa) after z, in that
  order; ü as y;
- Swedish and Finnish: å, ä (and æ), ö (and ø) after z;
- German, English and the rest: letters with accents as without, æ as ae, ø as o, ß as ss.

Names equal under the rule keep a stable order: lower case before capitals, plain letters
before accented ones.
"""

import unicodedata

from django.utils.translation import get_language

# After z: characters that come after "z" in code point order, in the language's order.
AFTER_Z = ("{", "|", "}")
RULES = {
    "danish": str.maketrans(
        {"æ": AFTER_Z[0], "ä": AFTER_Z[0], "ø": AFTER_Z[1], "ö": AFTER_Z[1], "å": AFTER_Z[2]}
        | {"ü": "y"}
    ),
    "swedish": str.maketrans(
        {"å": AFTER_Z[0], "ä": AFTER_Z[1], "æ": AFTER_Z[1], "ö": AFTER_Z[2], "ø": AFTER_Z[2]}
    ),
    "other": str.maketrans({"æ": "ae", "ø": "o", "đ": "d", "ł": "l"}),
}
LANGUAGES = {"da": "danish", "nb": "danish", "nn": "danish", "no": "danish"}
LANGUAGES |= {"sv": "swedish", "fi": "swedish"}


def without_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text, language_code=None):
    """A key sorting ``text`` as readers of ``language_code`` (default: the active
    language) expect."""
    language = (language_code or get_language() or "").split("-")[0].lower()
    rule = LANGUAGES.get(language, "other")
    folded = (text or "").casefold()
    letters = folded.replace("aa", "å") if rule == "danish" else folded
    return (without_accents(letters.translate(RULES[rule])), folded, (text or "").swapcase())

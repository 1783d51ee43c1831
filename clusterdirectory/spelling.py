"""Text as visitors on either side of the border spell it, for every search.

A Dane types "Sønderborg", a German "Soenderborg" or "Sonderborg", and either may type in
capitals: all find the same cluster. Text and query are compared in two spellings, made
without the database (SQLite compares only ASCII letters regardless of case):

- *expanded*: case folded, the letters ø/ö written oe, æ/ä ae, å aa, ü ue, ß ss, other
  accents left off ("Æblegård" → "aeblegaard");
- *collapsed*: the expanded spelling with those pairs as one plain letter, which also
  catches "o" for ø and "a" for å ("Æblegård" and "Aeblegard" → "ablegard").

A word is found in a text when one of its spellings is part of the text's spellings
(``spellings()``). The collapsed spelling alone would miss "energi" in "bioenergi" ("oe"
becomes "o"), hence both.
"""

import re
import unicodedata

WORD = re.compile(r"\w+")
EXPANDED_LETTERS = str.maketrans({"æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "ü": "ue"})
PAIRS = re.compile(r"aa|ae|oe|ue|ss")


def words(text):
    """The words of ``text``: quotes and search syntax left out."""
    return WORD.findall(text or "")


def expanded(text):
    text = (text or "").casefold().translate(EXPANDED_LETTERS)  # casefold: ß → ss
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def collapsed(text):
    return PAIRS.sub(lambda pair: pair.group()[0], expanded(text))


def forms(word):
    """The spellings of ``word`` to look for."""
    return frozenset({expanded(word), collapsed(word)})


def spellings(*texts):
    """The text to search in for ``texts``: each in both spellings, on lines of their own
    (a word is never found across two texts)."""
    lines = []
    for text in texts:
        if text:
            lines.extend(dict.fromkeys([expanded(text), collapsed(text)]))
    return "\n".join(lines)


def found_in(alternatives, text_spellings):
    """Whether any of ``alternatives`` (spellings) is part of ``text_spellings``."""
    return any(form in text_spellings for form in alternatives)

"""What a search result shows of its page: the passage where the searched words occur, with
the words marked, or else the page's description."""

import re

from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from wagtail.blocks import StreamValue
from wagtail.rich_text import get_text_for_indexing

from clusterdirectory.structured_data import DESCRIPTION_FIELDS, page_description

EXCERPT_LENGTH = 220
BEFORE = 60  # characters of context before the first match
SENTENCE_BEFORE = 150  # or back to the start of its sentence, if no further


def page_text(page):
    """The page's describing fields and body as one plain text."""
    texts = []
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if value and isinstance(value, str):
            texts.append(get_text_for_indexing(value))
    body = getattr(page, "body", None)
    if isinstance(body, StreamValue):
        texts += [get_text_for_indexing(t) for t in body.stream_block.get_searchable_content(body)]
    return " ".join(" ".join(texts).split())


def excerpt(page, words):
    """HTML: about ``EXCERPT_LENGTH`` characters of the page's text from just before the
    first of ``words`` it contains, each of them in ``<mark>``; without one, the page's
    description."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    text = page_text(page) if words else ""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    found = pattern.search(text) if pattern else None
    if found is None:
        return page_description(page)
    # From the start of its sentence if that is near, else from a word shortly before.
    sentence = text.rfind(". ", 0, found.start())
    if sentence != -1 and found.start() - sentence <= SENTENCE_BEFORE:
        start = sentence + 2
    elif found.start() <= SENTENCE_BEFORE:
        start = 0
    else:
        start = text.find(" ", found.start() - BEFORE) + 1
    passage = Truncator(text[start:]).chars(EXCERPT_LENGTH)
    parts, marks = pattern.split(passage), pattern.findall(passage)  # parts: one more
    marked = format_html_join("", "{}<mark>{}</mark>", zip(parts, marks, strict=False))
    return format_html("{}{}{}", "… " if start else "", marked, parts[-1])

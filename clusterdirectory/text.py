"""Turning what visitors type into safe page content."""

import html
import re

from django.utils.html import escape, strip_tags

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value):
    """Visitor input without markup or control characters, trimmed."""
    return CONTROL_CHARACTERS.sub("", strip_tags(value or "")).strip()


def plain_lines(value):
    """Non-empty lines of plain text, e.g. one service per line."""
    return [line for line in (plain_text(line) for line in (value or "").splitlines()) if line]


def text_to_rich_text(value):
    """Paragraphs (blank-line separated) of plain text as Wagtail rich-text HTML."""
    paragraphs = re.split(r"\n\s*\n", plain_text(value).replace("\r\n", "\n"))
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line.strip()) for line in p.splitlines()))
        for p in paragraphs
        if p.strip()
    )


def rich_text_to_text(value):
    """Wagtail rich-text HTML as the plain-text paragraphs ``text_to_rich_text`` reads back:
    a form filled with a page's text (links and formatting are left out)."""
    text = re.sub(r"<br\s*/?>", "\n", value or "")
    text = re.sub(r"</(p|h[1-6]|li|blockquote)>", "\n\n", text)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()

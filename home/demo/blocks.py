"""Small builders for raw StreamField data in the demo content."""

from django.utils.html import escape


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{escape(t)}</p>" for t in texts)}


def bullets(*texts):
    items = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return {"type": "paragraph", "value": f"<ul>{items}</ul>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def block(block_type, **value):
    return {"type": block_type, "value": value}

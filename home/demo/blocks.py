"""Small builders for raw StreamField data in the demo content."""

import uuid

from django.utils.html import escape


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{escape(t)}</p>" for t in texts)}


def bullets(*texts):
    items = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return {"type": "paragraph", "value": f"<ul>{items}</ul>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def block(block_type, **value):
    return {"type": block_type, "value": {k: list_items(v) for k, v in value.items()}}


def list_items(value):
    """A ListBlock's items as Wagtail stores them (each with an id): wagtail-localize finds
    the texts of list items only in that form, so without it they stayed in English."""
    if not isinstance(value, list) or any(isinstance(v, dict) and "type" in v for v in value):
        return value
    return [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in value]

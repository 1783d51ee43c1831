"""What search engines and link previews read about a page: a short description, the image
to share and schema.org JSON-LD (``Organization`` for clusters, ``Event`` for events,
``NewsArticle`` for news, ``Article`` for case studies)."""

import json

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site
from wagtail.rich_text import get_text_for_indexing

from .models import CaseStudyPage, ClusterPage, EventPage, NewsPage

DESCRIPTION_LENGTH = 200
MIN_DESCRIPTION_WORDS = 8  # shorter texts of a body are headings and labels
# Open Graph's recommended 1.91:1; logos are scaled, never cropped.
SOCIAL_IMAGE_FILTER = "fill-1200x630"
LOGO_FILTER = "max-1200x630"
# The page's fields that may describe it, best first.
DESCRIPTION_FIELDS = (
    "search_description",
    "summary",
    "introduction",
    "aim",
    "description",
    "members_description",
)
# The page's images that may stand for it when shared, best first.
IMAGE_FIELDS = (
    ("social_image", SOCIAL_IMAGE_FILTER),
    ("image", SOCIAL_IMAGE_FILTER),
    ("logo", LOGO_FILTER),
)
# As django.utils.html.json_script: "</script>" in a value must not end the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
SCHEDULED = "https://schema.org/EventScheduled"


def page_description(page, length=DESCRIPTION_LENGTH):
    """The page's search description, else its summary or introduction, else the first
    paragraph of its body, as plain text."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if not value or not isinstance(value, str):
            continue
        if _is_rich_text(page, name):
            # Paragraphs stay apart: "...partner. Here you can", not "partnerHere you can".
            value = get_text_for_indexing(value)
        text = " ".join(value.split())
        if text:
            return Truncator(text).chars(length)
    text = _first_paragraph(getattr(page, "body", None))
    return Truncator(text).chars(length) if text else ""


def _first_paragraph(body):
    """The first text of a StreamField ``body`` long enough to describe the page."""
    if not isinstance(body, StreamValue):
        return ""
    for text in body.stream_block.get_searchable_content(body):
        text = " ".join(get_text_for_indexing(text).split())
        if len(text.split()) >= MIN_DESCRIPTION_WORDS:
            return text
    return ""


def _is_rich_text(page, name):
    try:
        return isinstance(page._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:  # a property of the page type, not a field
        return False


def _rendition(page, field_name, filter_spec):
    """A rendition of one of the page's images, made once per page and request."""
    cache = page.__dict__.setdefault("_structured_data_renditions", {})
    key = (field_name, filter_spec)
    if key not in cache:
        image = getattr(page, field_name, None)
        try:
            cache[key] = image.get_rendition(filter_spec) if image else None
        except SourceImageIOError:  # the file is gone: share no image rather than fail
            cache[key] = None
    return cache[key]


def social_image(page):
    """The rendition to share the page with: its social image, else its own image or logo."""
    for field_name, filter_spec in IMAGE_FIELDS:
        if getattr(page, f"{field_name}_id", None):
            rendition = _rendition(page, field_name, filter_spec)
            if rendition is not None:
                return rendition
    return None


def absolute_image_url(rendition, request):
    return request.build_absolute_uri(rendition.url) if request else rendition.full_url


def share_image(page, request):
    """The image to share the page with as ``url`` (absolute), ``width``, ``height`` and
    ``alt``, or None."""
    rendition = social_image(page)
    if rendition is None:
        return None
    return {
        "url": absolute_image_url(rendition, request),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def json_ld(data):
    """``<script type="application/ld+json">`` with ``data``, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # The escapes above keep every "<", ">" and "&" of the values out of the HTML.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308
    )


def network(request):
    """The organisation running the site: organiser and publisher of what it shows."""
    site = Site.find_for_request(request)
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    return {"@type": "Organization", "name": name, "url": request.build_absolute_uri("/")}


def page_url(page, request):
    """The page's absolute URL on the host the visitor asked, as the page's canonical link."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else ""


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def _image_list(page, request):
    rendition = social_image(page)
    return [absolute_image_url(rendition, request)] if rendition else []


def _local_datetime(value, date_only):
    value = timezone.localtime(value)
    return value.date().isoformat() if date_only else value.isoformat()


def cluster_data(page, request):
    address = _without_empty(
        {
            "streetAddress": page.street,
            "postOfficeBoxNumber": page.po_box,
            "postalCode": page.postcode,
            "addressLocality": page.city,
            "addressCountry": page.country,
        }
    )
    logo = _rendition(page, "logo", LOGO_FILTER) if page.logo_id else None
    return _without_empty(
        {
            "@type": "Organization",
            "name": page.title,
            "url": page_url(page, request),
            "description": page_description(page),
            "address": {"@type": "PostalAddress", **address},
            # Only with the cluster's consent, as on the profile itself.
            "email": page.contact_email if page.show_contact_email else "",
            "telephone": page.contact_phone,
            "foundingDate": str(page.founded_year) if page.founded_year else "",
            "logo": absolute_image_url(logo, request) if logo else "",
            "image": _image_list(page, request),
            "sameAs": [page.website] if page.website else [],
        }
    )


def event_data(page, request):
    return _without_empty(
        {
            "@type": "Event",
            "name": page.title,
            "startDate": _local_datetime(page.starts_at, page.all_day),
            "endDate": _local_datetime(page.ends_at, page.all_day),
            "eventAttendanceMode": OFFLINE,
            "eventStatus": SCHEDULED,
            "location": (
                {"@type": "Place", "name": page.location, "address": page.location}
                if page.location
                else {}
            ),
            "description": page_description(page),
            "image": _image_list(page, request),
            "url": page_url(page, request),
            "inLanguage": page.locale.language_code,
            "organizer": network(request),
        }
    )


def article_data(page, request, schema_type, published):
    url = page_url(page, request)
    modified = page.last_published_at
    return _without_empty(
        {
            "@type": schema_type,
            "headline": Truncator(page.title).chars(110),
            "description": page_description(page),
            "datePublished": published.isoformat() if published else "",
            "dateModified": timezone.localtime(modified).isoformat() if modified else "",
            "image": _image_list(page, request),
            "inLanguage": page.locale.language_code,
            "url": url,
            "mainEntityOfPage": url,
            "author": network(request),
            "publisher": network(request),
        }
    )


def structured_data(page, request):
    """The schema.org description of ``page`` (a specific page) as a dict, or None."""
    if isinstance(page, ClusterPage):
        data = cluster_data(page, request)
    elif isinstance(page, EventPage):
        data = event_data(page, request)
    elif isinstance(page, NewsPage):
        data = article_data(page, request, "NewsArticle", page.date)
    elif isinstance(page, CaseStudyPage):
        published = page.first_published_at
        data = article_data(
            page, request, "Article", timezone.localtime(published) if published else None
        )
    else:
        return None
    return {"@context": "https://schema.org", **data}

"""Serializer fields that shape the plugin's pages in the Wagtail API.

API v2 calls them; API v3 generates its schemas from their return types (the ``TypedDict``
classes below), so every field has a typed shape in the OpenAPI document.
"""

from pathlib import PurePosixPath

from django.utils import translation
from rest_framework.fields import Field
from typing_extensions import TypedDict  # pydantic reads it on Python 3.11
from wagtail.images.api.fields import ImageRenditionDict, ImageRenditionErrorDict
from wagtail.images.models import SourceImageIOError

from .localized import localized_choices
from .partners import potential_partners
from .taxonomy.models import industry_names

# Renditions the API serves; the listing prefetches exactly these.
LOGO_RENDITION = "max-240x120"
IMAGE_RENDITION = "width-960"
# Widths for a front end's srcset, each as WebP and in the image's own format.
RESPONSIVE_WIDTHS = (320, 640, 1280)


def responsive_specs():
    return [f"width-{w}|format-webp" for w in RESPONSIVE_WIDTHS] + [
        f"width-{w}" for w in RESPONSIVE_WIDTHS
    ]


class Rendition(TypedDict):
    url: str
    width: int
    height: int
    format: str  # the file's: webp, jpeg, png...


class ResponsiveImage(ImageRenditionDict):
    renditions: list[Rendition]  # each width (never wider than the image) in WebP and its own


class Industry(TypedDict):
    slug: str
    name: str


class Address(TypedDict):
    street: str
    po_box: str
    postcode: str
    city: str
    country: str
    country_name: str  # in the page's language


class Contact(TypedDict):
    name: str
    job_title: str
    email: str | None  # null unless the cluster chose to show it
    phone: str


class PageLink(TypedDict):
    id: int
    title: str
    url: str | None


class CaseStudyLink(PageLink):
    summary: str


class Partner(PageLink):
    locale: str
    country: str
    hand_picked: bool
    shared_industries: list[Industry]


class ResponsiveImageField(Field):
    """One rendition (``filter_spec``, as Wagtail's ``ImageRenditionField`` gives it) and the
    renditions for ``srcset``: 320, 640 and 1280 px wide as WebP and in the image's format,
    with width, height and the alt text. Prefetch ``responsive_specs()`` with it."""

    def __init__(self, filter_spec, **kwargs):
        self.filter_spec = filter_spec
        super().__init__(**kwargs)

    def to_representation(self, image) -> ResponsiveImage | ImageRenditionErrorDict:
        try:
            shown = image.get_rendition(self.filter_spec)
            renditions = responsive_renditions(image)
        except SourceImageIOError:
            return {"error": "SourceImageIOError"}
        return {
            "url": shown.url,
            "full_url": shown.full_url,
            "width": shown.width,
            "height": shown.height,
            "alt": shown.alt,
            "renditions": renditions,
        }


def responsive_renditions(image) -> list[Rendition]:
    """``image``'s renditions for ``srcset`` (``responsive_specs()``), by width, each size
    once per format (an image narrower than 1280 px is not made wider)."""
    found = {}
    for rendition in image.get_renditions(*responsive_specs()).values():
        kind = PurePosixPath(rendition.file.name).suffix.lstrip(".").lower()
        kind = "jpeg" if kind == "jpg" else kind
        found[rendition.width, kind] = {
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "format": kind,
        }
    return [found[key] for key in sorted(found)]


def _names_for(context, locale_id):
    """Tag names in one locale, fetched once per API response."""
    cache = context.setdefault("clusterdirectory_names", {})
    if locale_id not in cache:
        cache[locale_id] = industry_names(locale=locale_id)
    return cache[locale_id]


class IndustriesField(Field):
    """``[{"slug": "wind-energy", "name": "Windenergie"}]`` in the page's own language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[Industry]:
        names = _names_for(self.context, page.locale_id)
        return [
            {"slug": item.tag.slug, "name": names.get(item.tag_id, item.tag.name)}
            for item in page.tagged_items.all()
        ]


class AddressField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> Address:
        with translation.override(page.locale.language_code):
            country_name = str(page.get_country_display())
        return {
            "street": page.street,
            "po_box": page.po_box,
            "postcode": page.postcode,
            "city": page.city,
            "country": page.country,
            "country_name": country_name,
        }


class ContactField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> Contact:
        return {
            "name": page.contact_name,
            "job_title": page.contact_title,
            "email": page.contact_email if page.show_contact_email else None,
            "phone": page.contact_phone,
        }


class RelatedClustersField(Field):
    """The chosen clusters as ``{id, title, url}``, each once, as their live, public
    translations in the case study's own language (editors choose them once, on the source
    page); clusters without one are left out."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[PageLink]:
        chosen = [link.cluster for link in page.related_clusters.all()]
        request = self.context.get("request")
        return [
            {"id": cluster.pk, "title": cluster.title, "url": cluster.get_url(request)}
            for cluster in localized_choices(chosen, page.locale_id)
        ]


class PotentialPartnersField(Field):
    """Hand-picked partners, then suggestions across the border, in the page's language where
    they have a live page in it:
    ``[{id, title, url, locale, country, hand_picked, shared_industries: [{slug, name}]}]``. Detail
    only (``ContentPagesAPIViewSet.detail_only_fields``): it runs its own few queries."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[Partner]:
        request = self.context.get("request")
        return [
            {
                "id": partner.page.pk,
                "title": partner.page.title,
                "url": partner.page.get_url(request),
                "locale": partner.page.locale.language_code,
                "country": partner.page.country,
                "hand_picked": partner.hand_picked,
                "shared_industries": [
                    {"slug": slug, "name": name} for slug, name in partner.shared_tags
                ],
            }
            for partner in potential_partners(page)
        ]


class RelatedCaseStudiesField(Field):
    """Up to three live case studies in the page's language sharing industries with it, most
    shared first, then the newest: ``[{id, title, url, summary}]``. Detail only
    (``ContentPagesAPIViewSet.detail_only_fields``): it runs its own query."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[CaseStudyLink]:
        request = self.context.get("request")
        return [
            {
                "id": study.pk,
                "title": study.title,
                "url": study.get_url(request),
                "summary": study.summary,
            }
            for study in page.related_case_studies()
        ]


class ChosenPagesField(Field):
    """Pages editors linked, as ``{id, title, url}`` in the page's language: what the page's
    ``method`` returns (e.g. ``EventPage.clusters_taking_part``)."""

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[PageLink]:
        request = self.context.get("request")
        return [
            {"id": chosen.pk, "title": chosen.title, "url": chosen.get_url(request)}
            for chosen in getattr(page, self.method)()
        ]


class SubpageUrlField(Field):
    """The full URL of one of a routable page's routes (its calendar, its feeds), or null
    while the page has none."""

    def __init__(self, route_name, **kwargs):
        self.route_name = route_name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> str | None:
        base = page.get_full_url(self.context.get("request"))
        return base + page.reverse_subpage(self.route_name) if base else None

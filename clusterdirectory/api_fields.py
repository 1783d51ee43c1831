"""Serializer fields that shape the plugin's pages in the Wagtail API."""

from rest_framework.fields import Field

from .localized import localized_choices
from .partners import potential_partners
from .taxonomy.models import industry_names

# Renditions the API serves; the listing prefetches exactly these.
LOGO_RENDITION = "max-240x120"
IMAGE_RENDITION = "width-960"


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

    def to_representation(self, page):
        names = _names_for(self.context, page.locale_id)
        return [
            {"slug": item.tag.slug, "name": names.get(item.tag_id, item.tag.name)}
            for item in page.tagged_items.all()
        ]


class AddressField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return {
            "street": page.street,
            "po_box": page.po_box,
            "postcode": page.postcode,
            "city": page.city,
            "country": page.country,
            "country_name": str(page.get_country_display()),
        }


class ContactField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
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

    def to_representation(self, page):
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

    def to_representation(self, page):
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

    def to_representation(self, page):
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

    def to_representation(self, page):
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

    def to_representation(self, page):
        base = page.get_full_url(self.context.get("request"))
        return base + page.reverse_subpage(self.route_name) if base else None

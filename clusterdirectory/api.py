"""The plugin's part of the Wagtail API v2: page filters, tag names, the industries endpoint.

A host site registers ``ContentPagesAPIViewSet`` (as ``pages``) and
``IndustriesAPIViewSet`` in its ``WagtailAPIRouter``.
"""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.models import Locale

from .api_fields import IMAGE_RENDITION, LOGO_RENDITION
from .models import (
    CaseStudyPage,
    CaseStudyPageTag,
    CaseStudyRelatedCluster,
    ClusterPage,
    ClusterPageTag,
    Country,
    EventPage,
    EventPageTag,
    IndustryTag,
    IndustryTagName,
    NewsPage,
    NewsPageTag,
)

TAGGED_ITEM_MODELS = [ClusterPageTag, EventPageTag, NewsPageTag, CaseStudyPageTag]


class IndustryFilter(BaseFilterBackend):
    """``industry`` (all must match; repeat it or separate slugs by commas), ``country``
    (clusters) and ``upcoming`` (events). Unknown values are a 400, not an empty list."""

    def filter_queryset(self, request, queryset, view):
        slugs = [
            slug.strip()
            for value in request.GET.getlist("industry")
            for slug in value.split(",")
            if slug.strip()
        ]
        if slugs:
            known = set(IndustryTag.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            unknown = sorted(set(slugs) - known)
            if unknown:
                raise BadRequestError(f"unknown industry: {', '.join(unknown)}")
            for slug in slugs:
                tagged = Q()
                for model in TAGGED_ITEM_MODELS:
                    ids = model.objects.filter(tag__slug=slug).values("content_object_id")
                    tagged |= Q(pk__in=ids)
                queryset = queryset.filter(tagged)

        if "country" in request.GET:
            country = request.GET["country"].upper()
            if country not in Country.values:
                raise BadRequestError(
                    f"unknown country: {request.GET['country']} (use {' or '.join(Country.values)})"
                )
            queryset = queryset.filter(
                pk__in=ClusterPage.objects.filter(country=country).values("pk")
            )

        if "upcoming" in request.GET:
            value = request.GET["upcoming"].lower()
            if value not in ("true", "false"):
                raise BadRequestError("upcoming must be true or false")
            now = timezone.now()
            events = (
                EventPage.objects.filter(ends_at__gte=now)
                if value == "true"
                else EventPage.objects.filter(ends_at__lt=now)
            )
            queryset = queryset.filter(pk__in=events.values("pk"))
        return queryset


class StrictLocaleFilter(BaseFilterBackend):
    """``locale``, answering an unknown language with a 400 rather than a 404."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        locale = Locale.objects.filter(language_code=request.GET["locale"]).first()
        if locale is None:
            codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise BadRequestError(f"unknown locale: {request.GET['locale']} (use one of {codes})")
        filtered = queryset.filter(locale=locale)
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        if child_of:
            filtered._filtered_by_child_of = child_of
        return filtered


class ContentPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        IndustryFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["industry", "country", "upcoming"]
    )

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        if hasattr(model, "tagged_items"):
            queryset = queryset.prefetch_related("tagged_items__tag")
        images = get_image_model().objects
        if model is ClusterPage:
            queryset = queryset.prefetch_related(
                Prefetch("logo", queryset=images.prefetch_renditions(LOGO_RENDITION))
            )
        if model in (EventPage, NewsPage):
            queryset = queryset.prefetch_related(
                Prefetch("image", queryset=images.prefetch_renditions(IMAGE_RENDITION))
            )
        if model is CaseStudyPage:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "related_clusters",
                    queryset=CaseStudyRelatedCluster.objects.select_related("cluster"),
                )
            )
        return queryset


class IndustriesAPIViewSet(BaseAPIViewSet):
    """Every industry tag with its name in ``locale`` and how many live pages use it."""

    model = IndustryTag
    name = "industries"
    known_query_parameters = frozenset(["locale", "format", "_"])
    counted = {"clusters": ClusterPageTag, "events": EventPageTag, "case_studies": CaseStudyPageTag}

    def listing_view(self, request):
        self.check_query_parameters(IndustryTag.objects.none())
        code = request.GET.get("locale") or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale: {code}")
        names = dict(IndustryTagName.objects.filter(locale=locale).values_list("tag_id", "name"))
        public = get_public_pages_queryset(request).filter(locale=locale).values("pk")
        counts = {
            key: dict(
                through.objects.filter(content_object__in=public)
                .values_list("tag_id")
                .annotate(n=Count("content_object_id"))
            )
            for key, through in self.counted.items()
        }
        items = [
            {
                "slug": tag.slug,
                "name": names.get(tag.pk, tag.name),
                "counts": {key: counts[key].get(tag.pk, 0) for key in self.counted},
            }
            for tag in IndustryTag.objects.order_by("slug")
        ]
        items.sort(key=lambda item: item["name"].casefold())
        return Response({"meta": {"total_count": len(items), "locale": code}, "items": items})

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: {names}"
            )

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

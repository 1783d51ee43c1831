"""The plugin's part of the Wagtail API v2: page filters, tag names, the industries endpoint,
the headless preview of drafts.

A host site registers ``ContentPagesAPIViewSet`` (as ``pages``), ``IndustriesAPIViewSet`` and
``PagePreviewAPIViewSet`` (as ``page_preview``) in its ``WagtailAPIRouter``.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.urls import path
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
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Locale, Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from ..api_fields import IMAGE_RENDITION, LOGO_RENDITION, responsive_specs
from ..models import (
    CaseStudyPage,
    CaseStudyRelatedCluster,
    ClusterPage,
    Country,
    EventPage,
    IndustryTag,
    NewsPage,
    industry_tags,
)
from ..taxonomy.filters import having_tags
from .industries import industries_with_counts

# The largest OFFSET the databases take (a signed 64-bit integer).
MAX_OFFSET = 2**63 - 1


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
            known = {tag.slug for tag in industry_tags()}
            unknown = sorted(set(slugs) - known)
            if unknown:
                raise BadRequestError(f"unknown industry: {', '.join(unknown)}")
            queryset = having_tags(queryset, slugs)

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


class StrictFieldsFilter(FieldsFilter):
    """Wagtail's exact-value field filters (``?first_published_at=...``), answering a value of
    the wrong type with a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError) as e:
            raise BadRequestError(f"invalid filter value: {e}") from e


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


class BoundedPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset``, answering an offset too large for the database with a
    400 rather than a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_large = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_large = False  # Wagtail's own message
        if too_large:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class StrictSearchFilter(SearchFilter):
    """Wagtail's ``search``, answering an unknown ``search_operator`` or a null character
    (which the search backends choke on) with a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator and operator.lower() not in ("and", "or"):
            raise BadRequestError("search_operator must be and or or")
        if "\x00" in request.GET.get("search", ""):
            raise BadRequestError("search must not contain null characters")
        return super().filter_queryset(request, queryset, view)


class NoNullCharactersMixin:
    """A null character in the query string is answered with a 400 before any filter runs:
    PostgreSQL refuses it in a query parameter, which would otherwise be a 500."""

    def initial(self, request, *args, **kwargs):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(f"{name} must not contain null characters")
        super().initial(request, *args, **kwargs)


class ContentPagesAPIViewSet(NoNullCharactersMixin, PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [
        StrictFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        IndustryFilter,
        StrictSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["industry", "country", "upcoming"]
    )
    # Fields that run their own queries per page: not in listings, even with ``fields=*``.
    detail_only_fields = [
        *PagesAPIViewSet.detail_only_fields,
        "potential_partners",
        "related_case_studies",
        # Chosen pages mapped to the page's language: a few queries each, so not per item.
        "participating_clusters",
        "resulting_case_studies",
    ]

    def get_queryset(self):
        queryset = self.typed_queryset()
        if queryset is None:
            queryset = super().get_queryset()
        queryset = queryset.select_related("locale")
        model = queryset.model
        if hasattr(model, "tagged_items"):
            queryset = queryset.prefetch_related("tagged_items__tag")
        images = get_image_model().objects
        if model is ClusterPage:
            logos = images.prefetch_renditions(LOGO_RENDITION, *responsive_specs())
            queryset = queryset.prefetch_related(Prefetch("logo", queryset=logos))
        if model in (EventPage, NewsPage):
            pictures = images.prefetch_renditions(IMAGE_RENDITION, *responsive_specs())
            queryset = queryset.prefetch_related(Prefetch("image", queryset=pictures))
        if model is CaseStudyPage:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "related_clusters",
                    queryset=CaseStudyRelatedCluster.objects.select_related("cluster"),
                )
            )
        return queryset

    def typed_queryset(self):
        """For ``type`` naming one page type, the public pages of that type, as Wagtail's own
        listing has them, but filtered on the type's own rows: Wagtail narrows them with
        ``pk IN`` every public page of the site, which the database builds in full on every
        request, whatever the page shows. None for anything else (Wagtail's own answers)."""
        try:
            models = page_models_from_string(self.request.GET.get("type") or "")
        except (LookupError, ValueError):
            return None  # Wagtail's own 400
        if len(models) != 1 or models[0] is Page:
            return None
        try:
            return get_public_pages_queryset(self.request, model=models[0])
        except ValueError as e:  # an unknown site, as in get_base_queryset()
            raise BadRequestError(str(e)) from e

    def find_object(self, queryset, request):
        # Checked even when html_path finds the page; Wagtail's own find view fails with a 500.
        if not request.GET.get("id", "0").isdecimal():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


class IndustriesAPIViewSet(NoNullCharactersMixin, BaseAPIViewSet):
    """Every industry tag with its name in ``locale`` and how many live pages use it."""

    model = IndustryTag
    name = "industries"
    known_query_parameters = frozenset(["locale", "format", "_"])

    def listing_view(self, request):
        self.check_query_parameters(IndustryTag.objects.none())
        code = request.GET.get("locale") or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale: {code}")
        items = industries_with_counts(request, locale)
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
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class PagePreviewAPIViewSet(NoNullCharactersMixin, PagesAPIViewSet):
    """The draft an editor is previewing, for a headless front end:
    ``page_preview/?content_type=app.model&token=...`` (the query wagtail-headless-preview sends
    the editor to the front end with), answered like the pages detail endpoint. The token is
    signed and short-lived; a missing parameter is a 400, a forged, expired or unknown token a
    404. A page that was never saved has the id 0."""

    name = "page_preview"
    # Not Page: the router links every page (detail_url, parents, related pages) to the first
    # endpoint whose model it belongs to, and that must stay ``pages``, not a preview.
    model = PagePreview
    known_query_parameters = frozenset(
        ["content_type", "token", "fields", "rich_text_format", "format", "_"]
    )
    token_max_age = 60 * 60  # seconds; every preview (and every live-preview update) makes one

    def listing_view(self, request):
        self.check_query_parameters(None)
        self.action = "detail_view"  # serialise exactly as the pages detail endpoint does
        return Response(self.get_serializer(self.get_object()).data)

    def detail_view(self, request, pk):
        # ``page_preview/<any id>/?content_type=...&token=...``, as in the package's examples.
        return self.listing_view(request)

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: "
                f"{', '.join(sorted(unknown))}"
            )

    def get_object(self):
        if not hasattr(self, "_preview"):
            self._preview = self._find_preview()
        return self._preview

    def _find_preview(self):
        content_type = self.request.GET.get("content_type", "")
        token = self.request.GET.get("token", "")
        if not content_type or not token:
            raise BadRequestError("content_type and token are required")
        try:
            model = apps.get_model(content_type)
        except (LookupError, ValueError) as e:
            raise Http404("preview not found") from e
        if not (issubclass(model, Page) and issubclass(model, HeadlessPreviewMixin)):
            raise Http404("preview not found")
        try:
            model.get_preview_signer().unsign(token, max_age=self.token_max_age)
        except signing.SignatureExpired as e:
            raise Http404("preview expired: preview the page again") from e
        except signing.BadSignature as e:
            raise Http404("preview not found") from e
        preview = PagePreview.objects.filter(
            content_type=ContentType.objects.get_for_model(model), token=token
        ).first()
        if preview is None:
            raise Http404("preview not found")
        page = preview.as_page()
        if page.pk is None:
            page.id = page.pk = 0  # a new page: the serializer needs an id for detail_url
        return page

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class StrictMediaMixin(NoNullCharactersMixin):
    """Wagtail's images and documents endpoints with the same answers to bad input as the
    pages endpoint: 400 with a message, never a 500."""

    pagination_class = BoundedPagination
    filter_backends = [StrictFieldsFilter, OrderingFilter, StrictSearchFilter]

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].strip().isdecimal():
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)


class ImagesAPIViewSet(StrictMediaMixin, WagtailImagesAPIViewSet):
    pass


class DocumentsAPIViewSet(StrictMediaMixin, WagtailDocumentsAPIViewSet):
    pass

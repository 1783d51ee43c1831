"""The OpenAPI 3.1 description of the headless API at ``/api/v2/``, served at
``/api/v2/openapi.json``.

Page types, their ``api_fields`` and StreamField blocks are read from the models and the API
view sets, so the document follows the code; ``tests/site/test_openapi.py`` checks it against
real responses with schemathesis.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail import blocks
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models

from clusterdirectory.api.v2 import MAX_OFFSET, ContentPagesAPIViewSet
from clusterdirectory.api_fields import (
    AddressField,
    ChosenPagesField,
    ContactField,
    IndustriesField,
    PotentialPartnersField,
    RelatedCaseStudiesField,
    RelatedClustersField,
    ResponsiveImageField,
    SubpageUrlField,
)
from clusterdirectory.content_blocks import StatisticsBlock
from clusterdirectory.models import Country
from home.models import Menu

PAGES = ContentPagesAPIViewSet  # what the site registers as ``pages``
RICH_TEXT_FORMATS = ["db_html", "html", "db_markdown", "markdown"]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def or_null(schema):
    return {"oneOf": [schema, {"type": "null"}]}


def obj(properties, required=(), **extra):
    """A closed JSON object: nothing beyond ``properties`` appears."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return {**schema, **extra}


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


# -- Fields and blocks ----------------------------------------------------------------------


SCALAR_BLOCKS = [
    (blocks.BooleanBlock, "boolean"),
    (blocks.IntegerBlock, "integer"),
    (blocks.FloatBlock, "number"),
    (
        (
            blocks.CharBlock,
            blocks.TextBlock,
            blocks.RichTextBlock,
            blocks.URLBlock,
            blocks.EmailBlock,
            blocks.RegexBlock,
            blocks.ChoiceBlock,
            blocks.RawHTMLBlock,
            blocks.BlockQuoteBlock,
            blocks.DateBlock,
            blocks.TimeBlock,
            blocks.DateTimeBlock,
        ),
        "string",
    ),
]


# Blocks whose own get_api_representation adds to what the editor entered.
CUSTOM_BLOCKS = [(StatisticsBlock, ref("ClusterStatistics"))]


def block_schema(block):
    """What ``block.get_api_representation`` returns. A value the editor left empty, or one of
    a block added after the content was written, is null."""
    for block_class, schema in CUSTOM_BLOCKS:
        if isinstance(block, block_class):
            return schema
    if not type(block).get_api_representation.__module__.startswith("wagtail."):
        return {"description": f"As served by {type(block).__qualname__}."}
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.StructBlock):
        children = {name: block_schema(child) for name, child in block.child_blocks.items()}
        return obj(children, required=children)
    if isinstance(block, blocks.ChooserBlock):
        name = block.target_model._meta.verbose_name
        return {"type": ["integer", "null"], "description": f"The chosen {name}'s id."}
    for block_class, json_type in SCALAR_BLOCKS:
        if isinstance(block, block_class):
            return {"type": [json_type, "null"]}
    return {}


def stream_schema(stream_block):
    variants = [
        obj(
            {"type": {"const": name}, "value": block_schema(child), "id": {"type": "string"}},
            required=["type", "value", "id"],
            title=str(child.label),
        )
        for name, child in stream_block.child_blocks.items()
    ]
    return {"type": "array", "items": {"oneOf": variants}}


CUSTOM_FIELDS = [
    (IndustriesField, {"type": "array", "items": ref("IndustryTag")}),
    (AddressField, ref("Address")),
    (ContactField, ref("Contact")),
    (RelatedClustersField, {"type": "array", "items": ref("RelatedCluster")}),
    (
        PotentialPartnersField,
        {
            "type": "array",
            "items": ref("PotentialPartner"),
            "description": "Detail only. The partners the editors chose, then suggested "
            "clusters of the other country, most shared industries and focus areas first; "
            "all in the page's language.",
        },
    ),
    (
        RelatedCaseStudiesField,
        {
            "type": "array",
            "items": ref("RelatedCaseStudy"),
            "description": "Detail only. Up to three live case studies in the page's language "
            "sharing industries with it, most shared industries first, then the newest.",
        },
    ),
    (ChosenPagesField, {"type": "array", "items": ref("ChosenPage")}),
    (
        SubpageUrlField,
        {
            **or_null({"type": "string", "format": "uri"}),
            "description": "A file the page offers: its iCalendar (.ics) or news feed.",
        },
    ),
    ((ImageRenditionField, ResponsiveImageField), or_null(ref("Rendition"))),
]


MODEL_FIELDS = [
    (models.BooleanField, "boolean", None),
    (models.IntegerField, "integer", None),
    (models.DateTimeField, "string", "date-time"),
    (models.DateField, "string", "date"),
    ((models.CharField, models.TextField), "string", None),
]


def field_schema(model, api_field):
    """The JSON a page's ``APIField`` serialises to."""
    if api_field.serializer is not None:
        for serializer_class, schema in CUSTOM_FIELDS:
            if isinstance(api_field.serializer, serializer_class):
                return schema
        return {"description": f"As served by {type(api_field.serializer).__qualname__}."}
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return {}
    text = str(field.help_text or field.verbose_name)
    described = {"description": text[:1].upper() + text[1:]}
    if isinstance(field, StreamField):
        return {**stream_schema(field.stream_block), **described}
    if isinstance(field, RichTextField):
        text = f"{described['description']} (rich text, see rich_text_format)."
        return {"type": "string", "description": text}
    for field_class, json_type, json_format in MODEL_FIELDS:
        if isinstance(field, field_class):
            schema = {"type": [json_type, "null"] if field.null else json_type, **described}
            if json_format:
                schema["format"] = json_format
            if field.choices:
                schema["enum"] = [value for value, _ in field.flatchoices]
                schema["enum"] += ([""] if field.blank else []) + ([None] if field.null else [])
            return schema
    return described


# -- Schemas --------------------------------------------------------------------------------


def summary(model):
    """The model's docstring's first line, or its verbose name (Django makes up a docstring
    listing the fields when there is none)."""
    doc = model.__doc__ or ""
    if not doc or doc.startswith(f"{model.__name__}("):
        return str(model._meta.verbose_name).capitalize()
    return doc.strip().split("\n")[0]


def page_schemas():
    """One schema per page type. ``fields`` chooses which of these properties appear, so none
    is required; an item whose ``meta.type`` is given has only that type's fields."""
    schemas = {}
    for model in get_page_models():
        properties = {
            field.name: field_schema(model, field) for field in PAGES.get_body_fields(model)
        }
        properties["meta"] = {
            "allOf": [ref("PageMeta"), {"properties": {"type": {"const": label(model)}}}]
        }
        schemas[label(model)] = obj(properties, description=summary(model))
    return schemas


def components():
    page_types = [label(model) for model in get_page_models()]
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    string = {"type": "string"}
    url = {"type": "string", "format": "uri"}
    page_link = obj(
        {
            "id": {"type": "integer"},
            "meta": obj(
                {"type": {"enum": page_types}, "detail_url": url, "html_url": or_null(url)}
            ),
            "title": string,
        },
        description="A linked page (parent, alias_of).",
    )
    pages = page_schemas()
    return {
        "schemas": {
            "Error": obj(
                {"message": {"type": "string", "examples": ["unknown industry: no-such"]}},
                required=["message"],
            ),
            "ListingMeta": obj(
                {
                    "total_count": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "How many items match, over all pages of results.",
                    }
                },
                required=["total_count"],
            ),
            "PageMeta": obj(
                {
                    "type": {"enum": page_types, "description": "The page type."},
                    "detail_url": url,
                    "html_url": {**or_null(url), "description": "The page on the site."},
                    "slug": string,
                    "show_in_menus": {"type": "boolean"},
                    "seo_title": string,
                    "search_description": string,
                    "first_published_at": {"type": ["string", "null"], "format": "date-time"},
                    "alias_of": or_null(ref("PageLink")),
                    "parent": {
                        **or_null(ref("PageLink")),
                        "description": "Detail only; null at the top of the tree.",
                    },
                    "locale": {"enum": languages, "description": "The page's language."},
                }
            ),
            "PageLink": page_link,
            **pages,
            "Page": {
                "anyOf": [ref(name) for name in pages],
                "description": "A page of any type. The listing shows `id`, `title` and some "
                "`meta` unless `fields` asks for others; the detail view shows everything.",
            },
            "PageListing": obj(
                {"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref("Page")}},
                required=["meta", "items"],
            ),
            "IndustryTag": obj(
                {
                    "slug": {"type": "string", "examples": ["wind-energy"]},
                    "name": {
                        "type": "string",
                        "examples": ["Windenergie"],
                        "description": "In the page's language.",
                    },
                },
                required=["slug", "name"],
            ),
            "Address": obj(
                {
                    "street": string,
                    "po_box": string,
                    "postcode": string,
                    "city": string,
                    "country": {"enum": Country.values},
                    "country_name": {"type": "string", "examples": ["Germany"]},
                },
                required=["street", "po_box", "postcode", "city", "country", "country_name"],
            ),
            "Contact": obj(
                {"name": string, "job_title": string, "email": or_null(string), "phone": string},
                required=["name", "job_title", "email", "phone"],
            ),
            "RelatedCluster": obj(
                {"id": {"type": "integer"}, "title": string, "url": or_null(string)},
                required=["id", "title", "url"],
                description="A cluster, in the case study's language where translated.",
            ),
            "ChosenPage": obj(
                {"id": {"type": "integer"}, "title": string, "url": or_null(string)},
                required=["id", "title", "url"],
                description="A page the editors linked (a cluster taking part in an event, a "
                "case study from it), in the page's language where translated.",
            ),
            "ClusterStatistics": obj(
                {
                    "heading": string,
                    "show": {
                        "enum": [
                            StatisticsBlock.BOTH,
                            StatisticsBlock.INDUSTRIES,
                            StatisticsBlock.COUNTRIES,
                        ]
                    },
                    "language": {"enum": languages},
                    "total": {"type": "integer", "minimum": 0},
                    "industries": or_null(
                        {
                            "type": "array",
                            "items": obj(
                                {
                                    "slug": string,
                                    "name": string,
                                    "count": {"type": "integer", "minimum": 1},
                                },
                                required=["slug", "name", "count"],
                            ),
                        }
                    ),
                    "countries": or_null(
                        {
                            "type": "array",
                            "items": obj(
                                {
                                    "code": {"enum": Country.values},
                                    "name": string,
                                    "count": {"type": "integer", "minimum": 0},
                                },
                                required=["code", "name", "count"],
                            ),
                        }
                    ),
                },
                required=["heading", "show", "language", "total", "industries", "countries"],
                description="The statistics block: live, public clusters in `language` (the "
                "page's), most first per industry, per country in a fixed order; a part the "
                "editor did not choose is null.",
            ),
            "RelatedCaseStudy": obj(
                {
                    "id": {"type": "integer"},
                    "title": string,
                    "url": or_null(string),
                    "summary": string,
                },
                required=["id", "title", "url", "summary"],
                description="A case study in the same language.",
            ),
            "PotentialPartner": obj(
                {
                    "id": {"type": "integer"},
                    "title": string,
                    "url": or_null(string),
                    "locale": {
                        "type": "string",
                        "description": "The partner page's language: the page's own where "
                        "the partner has a live version in it.",
                    },
                    "country": {"enum": Country.values},
                    "hand_picked": {
                        "type": "boolean",
                        "description": "Chosen by the editors rather than suggested.",
                    },
                    "shared_industries": {
                        "type": "array",
                        "items": ref("IndustryTag"),
                        "description": "The industry tags both clusters have.",
                    },
                },
                required=[
                    "id",
                    "title",
                    "url",
                    "locale",
                    "country",
                    "hand_picked",
                    "shared_industries",
                ],
                description="A cluster, in the page's language.",
            ),
            "Rendition": {
                "oneOf": [
                    obj(
                        {
                            "url": string,
                            "full_url": string,
                            "width": {"type": "integer"},
                            "height": {"type": "integer"},
                            "alt": string,
                            "renditions": {"type": "array", "items": {"type": "object"}},
                        },
                        required=["url", "full_url", "width", "height", "alt"],
                    ),
                    obj({"error": {"const": "SourceImageIOError"}}, required=["error"]),
                ],
                "description": "A resized copy of an image; `error` when its file is missing.",
            },
            "Image": obj(
                {
                    "id": {"type": "integer"},
                    "meta": obj(
                        {
                            "type": {"const": "wagtailimages.Image"},
                            "detail_url": url,
                            "tags": {"type": "array", "items": string},
                            "download_url": {"type": "string", "format": "uri-reference"},
                        }
                    ),
                    "title": string,
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                }
            ),
            "ImageListing": obj(
                {"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref("Image")}},
                required=["meta", "items"],
            ),
            "Document": obj(
                {
                    "id": {"type": "integer"},
                    "meta": obj(
                        {
                            "type": {"const": "wagtaildocs.Document"},
                            "detail_url": url,
                            "tags": {"type": "array", "items": string},
                            "download_url": url,
                        }
                    ),
                    "title": string,
                }
            ),
            "DocumentListing": obj(
                {"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref("Document")}},
                required=["meta", "items"],
            ),
            "Industry": obj(
                {
                    "slug": {"type": "string", "examples": ["wind-energy"]},
                    "name": {"type": "string", "examples": ["Windenergie"]},
                    "counts": obj(
                        {
                            key: {"type": "integer", "minimum": 0}
                            for key in ("clusters", "events", "case_studies")
                        },
                        required=["clusters", "events", "case_studies"],
                        description="Live, public pages in this language tagged with it.",
                    ),
                },
                required=["slug", "name", "counts"],
            ),
            "IndustryListing": obj(
                {
                    "meta": obj(
                        {
                            "total_count": {"type": "integer", "minimum": 0},
                            "locale": {"enum": languages},
                        },
                        required=["total_count", "locale"],
                    ),
                    "items": {"type": "array", "items": ref("Industry")},
                },
                required=["meta", "items"],
            ),
            "MenuLink": obj(
                {
                    "label": string,
                    "url": url,
                    "page": or_null(
                        obj(
                            {"id": {"type": "integer", "minimum": 1}, "detail_url": url},
                            required=["id", "detail_url"],
                        )
                    ),
                },
                required=["label", "url", "page"],
                description="A link to a page (in the menu's language where it is translated, "
                "`page` its API id) or to another website (`page` is null).",
            ),
            "Menu": obj(
                {
                    "placement": {"enum": Menu.Placement.values},
                    "locale": {
                        "enum": languages,
                        "description": "The menu's language: the default language's menu "
                        "while the requested language has none.",
                    },
                    "items": {"type": "array", "items": ref("MenuLink")},
                },
                required=["placement", "locale", "items"],
            ),
            "MenuListing": obj(
                {
                    "meta": obj(
                        {
                            "total_count": {"type": "integer", "minimum": 0},
                            "locale": {"enum": languages},
                        },
                        required=["total_count", "locale"],
                    ),
                    "items": {"type": "array", "items": ref("Menu")},
                },
                required=["meta", "items"],
            ),
        },
        "responses": {
            "BadRequest": {
                "description": "A parameter is unknown or has an invalid value. Also for "
                "well-formed requests that name something that doesn't exist or combine what "
                "can't be combined: an industry slug that is no tag, a `child_of`, "
                "`ancestor_of`, `descendant_of` or `translation_of` page that is not live, a "
                "field or `order` key of another page type (give `type`), ordering by a field "
                "that isn't indexed while searching, `order=random` with `offset`, `child_of` "
                "with `descendant_of`.",
                "content": {"application/json": {"schema": ref("Error")}},
            },
            "NotFound": {
                "description": "No such object (or not live and public), or no such site.",
                "content": {"application/json": {"schema": ref("Error")}},
            },
        },
        "parameters": parameters(page_types, languages),
    }


# -- Parameters -----------------------------------------------------------------------------


def names_pattern(names):
    return "(?:" + "|".join(sorted(set(names), key=lambda n: (-len(n), n))) + ")"


def fields_parameter(names, example, note=""):
    name = names_pattern(names)
    return {
        "name": "fields",
        "in": "query",
        "description": "Which fields to show, comma separated: `title,tags` adds to the "
        "defaults, `-title` removes one, `*` starts from all (`*,-title`), `_` from none "
        f"(`_,title`).{note}",
        "schema": {
            "type": "string",
            "pattern": rf"^(?:\*(?:,-{name})*|_(?:,{name})*|-?{name}(?:,-?{name})*)?$",
        },
        "example": example,
    }


def order_parameter(names, example, note=""):
    name = names_pattern(names)
    return {
        "name": "order",
        "in": "query",
        "description": "Sort by these fields, comma separated, `-` for descending; or "
        f"`random` (not with `offset`). While searching, only by indexed fields.{note}",
        "schema": {"type": "string", "pattern": rf"^(?:random|-?{name}(?:,-?{name})*)?$"},
        "example": example,
    }


def query(name, schema, description, example, **extra):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": schema,
        "example": example,
        **extra,
    }


def page_reference(name, description, root=True):
    schema = {"type": "integer", "minimum": 1}
    if root:
        schema = {"anyOf": [schema, {"const": "root"}]}
        description += " `root` is the current site's root page."
    return query(name, schema, description, "root" if root else 12)


def parameters(page_types, languages):
    page_models = get_page_models()
    page_fields = [n for m in page_models for n in PAGES.get_available_fields(m)]
    page_order = [n for m in page_models for n in PAGES.get_available_fields(m, True)]
    listing_fields = [n for n in page_fields if n not in PAGES.detail_only_fields]
    images, documents = ImagesAPIViewSet, DocumentsAPIViewSet
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    search = {"type": "string", "pattern": "^[^\\x00]*$"}
    return {
        "limit": query(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": min(20, limit_max)},
            f"How many items to return (at most {limit_max}).",
            20,
        ),
        "offset": query(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            "How many items to skip.",
            0,
        ),
        "search": query(
            "search",
            search,
            "Full-text search; results come by relevance unless `order` is given.",
            "wind",
        ),
        "search_operator": query(
            "search_operator",
            {"enum": ["and", "or"]},
            "Whether a result must contain all (`and`) or any (`or`) of the search words.",
            "and",
        ),
        "rich_text_format": query(
            "rich_text_format",
            {"enum": RICH_TEXT_FORMATS},
            "How rich text is written out: Wagtail's database HTML (`db_html`, the "
            "default), HTML with links resolved (`html`), or Markdown (`db_markdown`, "
            "`markdown`).",
            "html",
        ),
        "pageFields": fields_parameter(
            listing_fields,
            "industries,address,contact",
            " A page type's own fields need `type` naming that type; `parent` is detail only.",
        ),
        "pageDetailFields": fields_parameter(
            page_fields, "_,title,parent", " A page type's own fields need a page of that type."
        ),
        "pageOrder": order_parameter(
            page_order, "title", " A page type's own fields need `type` naming that type."
        ),
        "imageFields": fields_parameter(
            images.get_available_fields(images.model), "title,width,height"
        ),
        "imageOrder": order_parameter(images.get_available_fields(images.model, True), "-id"),
        "documentFields": fields_parameter(
            documents.get_available_fields(documents.model), "title,tags"
        ),
        "documentOrder": order_parameter(
            documents.get_available_fields(documents.model, True), "title"
        ),
        "type": query(
            "type",
            {"type": "array", "items": {"enum": page_types}},
            "Only pages of these types, comma separated. With one type, that type's fields "
            "can be asked for (`fields`), sorted by (`order`) and filtered on.",
            ["clusterdirectory.ClusterPage"],
            style="form",
            explode=False,
        ),
        "child_of": page_reference("child_of", "Only children of this page."),
        "ancestor_of": page_reference("ancestor_of", "Only ancestors of this page.", False),
        "descendant_of": page_reference(
            "descendant_of", "Only descendants of this page (not with `child_of`)."
        ),
        "translation_of": page_reference(
            "translation_of", "Only translations of this page (not the page itself)."
        ),
        "locale": query(
            "locale",
            {"enum": languages},
            "Only pages in this language.",
            "de",
        ),
        "site": query(
            "site",
            {"type": "string", "pattern": "^(?:[^:]*(?::[0-9]+)?)?$"},
            "Only pages of the site with this hostname (and `:port`); by default the site "
            "the request is for.",
            "localhost",
        ),
        "show_in_menus": query(
            "show_in_menus",
            {"type": "boolean"},
            "Only pages that are (`true`) or are not (`false`) in the navigation.",
            True,
        ),
        "industry": query(
            "industry",
            {"type": "array", "items": {"type": "string", "pattern": "^[-a-z0-9_,\\s]*$"}},
            "Only pages tagged with all these industries, by slug (see `/industries/`): "
            "repeat the parameter or separate slugs by commas. An unknown slug is a 400.",
            ["wind-energy", "offshore"],
            style="form",
            explode=True,
        ),
        "country": query(
            "country",
            {"type": "string", "pattern": "^[Dd][KkEe]$"},
            "Only clusters in this country: `DK` or `DE` (either case).",
            "DK",
        ),
        "upcoming": query(
            "upcoming",
            {"type": "boolean"},
            "Only events that have not ended yet (`true`) or that have (`false`).",
            True,
        ),
        "industriesLocale": query(
            "locale",
            {"enum": languages},
            f"Tag names in this language; by default {settings.LANGUAGE_CODE}.",
            "de",
        ),
        "menusLocale": query(
            "locale",
            {"enum": languages},
            f"The menus in this language; by default {settings.LANGUAGE_CODE}.",
            "da",
        ),
        "placement": query(
            "placement",
            {"enum": Menu.Placement.values},
            "Only the menu shown in this place; by default all.",
            "header",
        ),
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "The object's id.",
            "schema": {"type": "integer", "minimum": 1},
            "example": 12,
        },
    }


# -- Paths ----------------------------------------------------------------------------------


def params(*names):
    return [{"$ref": f"#/components/parameters/{name}"} for name in names]


def ok(schema, description):
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


BAD_REQUEST = {"$ref": "#/components/responses/BadRequest"}
NOT_FOUND = {"$ref": "#/components/responses/NotFound"}


def find_operation(tag, description, parameters):
    return {
        "tags": [tag],
        "summary": f"Find one {tag[:-1]}",
        "description": description,
        "parameters": parameters,
        "responses": {
            "302": {
                "description": "Found: a redirect to its detail URL, other parameters kept.",
                "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
            },
            "400": BAD_REQUEST,
            "404": NOT_FOUND,
        },
    }


def paths():
    def find_id(description):
        return query("id", {"type": "integer", "minimum": 0}, description, 12)

    common = ("limit", "offset", "search", "search_operator", "rich_text_format")
    return {
        "/pages/": {
            "get": {
                "tags": ["pages"],
                "summary": "List pages",
                "description": "Live, public pages of every language, by id unless ordered. "
                "Any other parameter is a 400, except exact-value filters on a page type's "
                "database fields (e.g. `slug`, `title`).",
                "parameters": params(
                    "type",
                    "pageFields",
                    "pageOrder",
                    *common,
                    "child_of",
                    "ancestor_of",
                    "descendant_of",
                    "translation_of",
                    "locale",
                    "site",
                    "show_in_menus",
                    "industry",
                    "country",
                    "upcoming",
                ),
                "responses": {
                    "200": ok("PageListing", "The matching pages."),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/pages/{id}/": {
            "get": {
                "tags": ["pages"],
                "summary": "One page, all its fields",
                "parameters": params("id", "pageDetailFields", "rich_text_format"),
                "responses": {
                    "200": ok("Page", "The page."),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/pages/find/": {
            "get": find_operation(
                "pages",
                "Find a page by its path on the site (in the default language) or by id.",
                [
                    query(
                        "html_path",
                        {"type": "string"},
                        "The page's path below the site root, without the language prefix.",
                        "/clusters/",
                    ),
                    find_id("The page's id; not used when `html_path` is given."),
                ],
            )
        },
        "/images/": {
            "get": {
                "tags": ["images"],
                "summary": "List images",
                "parameters": params("imageFields", "imageOrder", *common),
                "responses": {
                    "200": ok("ImageListing", "The matching images."),
                    "400": BAD_REQUEST,
                },
            }
        },
        "/images/{id}/": {
            "get": {
                "tags": ["images"],
                "summary": "One image",
                "parameters": params("id", "imageFields"),
                "responses": {
                    "200": ok("Image", "The image."),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/images/find/": {
            "get": find_operation("images", "Find an image by id.", [find_id("The image's id.")])
        },
        "/documents/": {
            "get": {
                "tags": ["documents"],
                "summary": "List documents",
                "parameters": params("documentFields", "documentOrder", *common),
                "responses": {
                    "200": ok("DocumentListing", "The matching documents."),
                    "400": BAD_REQUEST,
                },
            }
        },
        "/documents/{id}/": {
            "get": {
                "tags": ["documents"],
                "summary": "One document",
                "parameters": params("id", "documentFields"),
                "responses": {
                    "200": ok("Document", "The document."),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        },
        "/documents/find/": {
            "get": find_operation(
                "documents", "Find a document by id.", [find_id("The document's id.")]
            )
        },
        "/industries/": {
            "get": {
                "tags": ["industries"],
                "summary": "Every industry tag",
                "description": "Every industry tag with its name in one language and how many "
                "live, public pages in that language carry it, sorted by name.",
                "parameters": params("industriesLocale"),
                "responses": {"200": ok("IndustryListing", "The tags."), "400": BAD_REQUEST},
            }
        },
        "/menus/": {
            "get": {
                "tags": ["menus"],
                "summary": "The header and footer menus",
                "description": "The site's menus in one language, links resolved to the live "
                "pages in that language.",
                "parameters": params("menusLocale", "placement"),
                "responses": {"200": ok("MenuListing", "The menus."), "400": BAD_REQUEST},
            }
        },
    }


def openapi_document():
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "openapi": "3.1.0",
            "info": {
                "title": f"{settings.WAGTAIL_SITE_NAME} content API",
                "version": "2",
                "description": "Wagtail's API v2 with the cluster directory's filters. "
                'Every answer is JSON; errors are `{"message": "..."}`. Unknown parameters '
                "are a 400, an unknown URL below `/api/v2/` a 404.",
            },
            "servers": [{"url": "/api/v2"}],
            "tags": [
                {"name": name} for name in ("pages", "images", "documents", "industries", "menus")
            ],
            "paths": paths(),
            "components": components(),
        }


@require_safe
def openapi_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"indent": 2})

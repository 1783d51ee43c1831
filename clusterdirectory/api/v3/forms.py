"""Matchpoint's forms on the API v3: ``POST /api/v3/cluster-registrations/`` and
``POST /api/v3/contact-requests/``.

The same forms as the site's pages (fields, validation, honeypot, rate limit, storage before
any mail, moderation), sent as JSON or, for a registration with a logo file, as
multipart/form-data. Answers: 201 with the id and status; 400 ``{"message", "errors":
{"field": ["..."]}}`` in the language of ``locale`` (else ``Accept-Language``); 404 for a
cluster that takes no messages; 403 for a browser's post from another site; 413 for a body too
large, 415 for another content type, 429 past the rate limit, each with a ``message``.
Nothing is stored unless the answer is 201.

A page of another site could make its visitors' browsers post a multipart form here (no CORS
preflight is needed for one, and the API takes no CSRF token): such a post, known by its
``Origin`` (or ``Sec-Fetch-Site``) header, is refused unless the origin is one the site
allows (``CORS_ALLOWED_ORIGINS``, ``CSRF_TRUSTED_ORIGINS``). Programs that send neither
header, and front ends of allowed origins, post as before.

The body is read here rather than by django-ninja, so that bad input gets the forms' own
messages and a 400 (not ninja's 422), and a logo can come as a file; the OpenAPI document
still describes the JSON body (``documented_body()``).
"""

import base64
import binascii
import json
from typing import Literal

import pydantic
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import RegexValidator  # its message: Django's "Enter a valid value."
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import ConfigDict, Field

from ...choices import Country
from ...conf import get_setting
from ...contact.forms import ContactForm
from ...contact.recipient import contact_recipient
from ...contact.views import limiter as contact_limiter
from ...contact.views import store_contact_request
from ...models import ClusterIndexPage, ClusterPage
from ...registration.forms import RegistrationForm
from ...registration.services import store_registration
from ...registration.views import limiter as registration_limiter
from .params import LanguageCode

router = Router(tags=["forms"])

MAX_BODY_BYTES = 1024 * 1024  # a JSON body; multipart may add a logo file to it


class Created(Schema):
    id: int | None = Field(description="The stored submission (null when nothing is stored).")
    status: str


class Message(Schema):
    message: str


class FormErrors(Schema):
    message: str
    errors: dict[str, list[str]] = Field(
        description="Messages per field; ``__all__`` for the form as a whole."
    )


ANSWERS = {
    201: Created,
    400: FormErrors,
    403: Message,
    404: Message,
    413: Message,
    415: Message,
    429: Message,
}


class FormIn(Schema):
    model_config = ConfigDict(extra="forbid")

    locale: LanguageCode | None = Field(
        None, description="The language of the messages (default: Accept-Language)."
    )
    fax: str = Field("", description="Leave empty: a honeypot (when filled, nothing is stored).")


class RegistrationIn(FormIn):
    """A cluster registering itself: a draft profile in every language, which a moderator
    approves."""

    index: int | None = Field(None, description="The cluster index page (default: the first).")
    name: str
    street: str
    po_box: str = ""
    postcode: str
    city: str
    country: Literal[tuple(Country.values)]
    latitude: float | None = Field(
        None, description="Where the map shows the cluster (WGS 84), with the longitude."
    )
    longitude: float | None = Field(
        None, description="Without both, the cluster is shown at its city where it is known."
    )
    website: str
    contact_name: str
    contact_title: str
    contact_email: str
    contact_phone: str = Field(description="International (+45 ...), or as dialled there.")
    show_contact_email: bool = False
    founded_year: int
    members_count: int
    members_description: str = ""
    industries: list[str] = Field([], description="Industry slugs (``/api/v3/industries/``).")
    industry_other: str = ""
    focus_areas: str
    services: str = Field("", description="One per line.")
    description: str = ""
    consent: bool = Field(description="Must be true: the profile is published.")
    logo_base64: str = Field(
        "",
        description="A JPEG, PNG or WebP logo in base64 (or a data: URL), within the 1 MB "
        "body; in multipart/form-data, the file as ``logo_file`` instead (up to 5 MB).",
    )


class ContactRequestIn(FormIn):
    """A message to a cluster, relayed to its contact person by e-mail without revealing the
    address."""

    cluster: int = Field(description="The cluster page's id.")
    name: str
    organisation: str
    email: str
    message: str
    consent: bool = Field(description="Must be true: the message is stored and forwarded.")


def documented_body(schema):
    # JSON only: openapi-python-client 0.29 writes a client that cannot be imported for an
    # operation with two body types, so multipart/form-data is described in words.
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }


class Refused(Exception):
    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status, self.message, self.errors = status, message, errors

    def response(self):
        body = {"message": self.message}
        if self.status == 400:  # with the field errors, if any
            body["errors"] = self.errors or {}
        return JsonResponse(body, status=self.status, json_dumps_params={"ensure_ascii": False})


def refuse_cross_site(request):
    """Refuses a browser's post from a page of another site (see the module's docstring)."""
    origin = request.headers.get("Origin")
    if origin:
        allowed = {
            f"{request.scheme}://{request.get_host()}",
            *getattr(settings, "CORS_ALLOWED_ORIGINS", ()),
            *settings.CSRF_TRUSTED_ORIGINS,
        }
        cross_site = origin not in allowed  # "null" too: a sandboxed or local page
    else:
        cross_site = request.headers.get("Sec-Fetch-Site") == "cross-site"
    if cross_site:
        raise Refused(
            403,
            _("Forms are not accepted from pages of other sites. Post from this site's own pages."),
        )


def read_body(request, multipart):
    """``(data, files)`` of a JSON or (with ``multipart``) multipart/form-data body."""
    allowed = ["application/json", *(["multipart/form-data"] if multipart else [])]
    if request.content_type not in allowed:
        given = request.content_type or "no content type"
        raise Refused(
            415,
            _("Send %(allowed)s, not %(given)s.")
            % {"allowed": " or ".join(allowed), "given": given},
        )
    limit = MAX_BODY_BYTES
    if request.content_type == "multipart/form-data":
        limit += get_setting("LOGO_MAX_BYTES")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise Refused(413, _("The body is larger than %(size)s KB.") % {"size": limit // 1024})
    if request.content_type == "multipart/form-data":
        try:
            data = {name: request.POST.getlist(name) for name in request.POST}
            files = request.FILES
        except MultiPartParserError as error:
            raise Refused(
                400, _("The body cannot be read: %(error)s") % {"error": error}
            ) from error
        # One value a field, a list only for the industries.
        return {k: v if k == "industries" else v[-1] for k, v in data.items()}, files
    body = request.body
    if len(body) > limit:
        raise Refused(413, _("The body is larger than %(size)s KB.") % {"size": limit // 1024})
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Refused(400, _("The body is not valid JSON: %(error)s") % {"error": error}) from error
    if not isinstance(data, dict):
        raise Refused(400, _("The body must be a JSON object."))
    return data, {}


def validated(schema, data):
    """``data`` checked against ``schema`` (types, required and unknown fields), with the
    forms' own messages."""
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as error:
        messages = {
            "missing": forms.Field.default_error_messages["required"],
            "extra_forbidden": _("This field is not known."),
        }
        errors = {}
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "__all__"
            message = str(messages.get(problem["type"], RegexValidator.message))
            errors.setdefault(name, []).append(message)
        raise Refused(400, _("The form has errors."), errors) from error


def form_errors(form):
    return {name: [str(message) for message in found] for name, found in form.errors.items()}


def language(data):
    """The body's ``locale`` if it is one of the site's, else the request's language."""
    code = data.get("locale")
    known = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return code if code in known else translation.get_language() or settings.LANGUAGE_CODE


def submit(request, schema, make_form, limiter, on_valid, multipart=False):
    """One submission: see the module's docstring. ``make_form(fields, files)`` builds the
    site's form, or refuses; ``on_valid(form)`` stores it and returns ``(id, status)``."""
    try:
        refuse_cross_site(request)
        data, files = read_body(request, multipart)
    except Refused as refused:
        return refused.response()
    with translation.override(language(data)):
        try:
            if limiter.is_exceeded(request):
                raise Refused(
                    429,
                    _(
                        "Too many submissions from your network in a short time. Nothing was "
                        "saved; please try again later."
                    ),
                )
            limiter.hit(request)  # every post counts, refused ones too
            fields = validated(schema, data)
            if fields.fax.strip():
                return JsonResponse({"id": None, "status": "received"}, status=201)
            form = make_form(fields, files)
            if not form.is_valid():
                raise Refused(400, _("The form has errors."), form_errors(form))
            pk, status = on_valid(form)
        except Refused as refused:
            return refused.response()
    return JsonResponse({"id": pk, "status": status}, status=201)


def form_data(fields, exclude=()):
    """The form's data from the validated body (check boxes as booleans)."""
    return {k: v for k, v in fields.model_dump().items() if k not in {"locale", *exclude}}


@router.post(
    "/cluster-registrations/",
    response=ANSWERS,
    url_name="create_cluster_registration",
    summary="Register a cluster",
    operation_id="cluster_registrations_create",
    openapi_extra=documented_body(RegistrationIn),
)
def create_cluster_registration(request):
    """A cluster registers itself as on the directory's registration page: stored first,
    then a draft profile in every language goes to the moderators, who are told by e-mail.

    The body is JSON, the logo in ``logo_base64`` (within 1 MB). For a larger logo (up to
    5 MB) send the same fields as ``multipart/form-data``, the logo as the file
    ``logo_file``, ``industries`` repeated, booleans as ``true``/``false``."""
    index_page = None

    def make_form(fields, files):
        nonlocal index_page
        indexes = ClusterIndexPage.objects.live().public()
        language_code = translation.get_language()
        indexes = indexes.filter(locale__language_code=language_code)
        if fields.index is not None:
            indexes = indexes.filter(pk=fields.index)
        index_page = indexes.order_by("path").first()
        if index_page is None:
            raise Refused(404, _("There is no cluster directory in this language."))
        files = dict(files.items())
        logo = base64_logo(fields.logo_base64)
        if logo is not None:
            files["logo_file"] = logo
        data = form_data(fields, exclude=("index", "logo_base64"))
        return RegistrationForm(data=data, files=files)

    def store(form):
        registration = store_registration(form, index_page, translation.get_language())
        return registration.pk, registration.status

    return submit(request, RegistrationIn, make_form, registration_limiter, store, multipart=True)


def base64_logo(value):
    if not value:
        return None
    header, _comma, encoded = value.rpartition(",")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        errors = {"logo_base64": [_("This is not base64.")]}
        raise Refused(400, _("The form has errors."), errors) from error
    kind = header.removeprefix("data:").split(";")[0]
    extension = {"image/png": "png", "image/webp": "webp"}.get(kind, "jpg")
    return SimpleUploadedFile(f"logo.{extension}", content)


@router.post(
    "/contact-requests/",
    response=ANSWERS,
    url_name="create_contact_request",
    summary="Write to a cluster",
    operation_id="contact_requests_create",
    openapi_extra=documented_body(ContactRequestIn),
)
def create_contact_request(request):
    """A message to a cluster, as on its contact page: stored first, then relayed by e-mail
    to its contact person (or the network's, for a cluster without one)."""
    cluster = None

    def make_form(fields, files):
        nonlocal cluster
        cluster = ClusterPage.objects.live().public().filter(pk=fields.cluster).first()
        if cluster is None or contact_recipient(cluster, request) is None:
            raise Refused(404, _("This cluster takes no messages here."))
        return ContactForm(data=form_data(fields, exclude=("cluster",)))

    def store(form):
        return store_contact_request(form, cluster).pk, "received"  # relayed once committed

    return submit(request, ContactRequestIn, make_form, contact_limiter, store)

"""The pages of a profile update, served by ``ClusterPage``: ``update/`` asks for the e-mailed
link, ``update/sent/`` says it went out, ``update/<token>/`` is the filled registration form
the link opens, ``update/done/`` thanks. None of them is kept by the page cache."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from ..antispam import RateLimiter
from ..public_forms import TOO_MANY, see_other
from .forms import ProfileUpdateForm, RequestLinkForm
from .links import InvalidLink, profile_page, update_for
from .services import (
    LinksExhausted,
    MailFailed,
    apply_update,
    pending_review,
    profile_to_update,
    send_link,
    shown_revision_id,
)

limiter = RateLimiter("profile-update", "PROFILE_UPDATE_RATE_LIMIT")
# What a link that does not work answers: a forged one is a bad request, an old one gone.
INVALID_STATUS = {"forged": 400, "expired": 410, "used": 410}


def _render(request, page, template, context=None, status=200):
    response = TemplateResponse(
        request,
        f"clusterdirectory/profile_update/{template}.html",
        {"page": page, "self": page, **(context or {})},
        status=status,
    )
    add_never_cache_headers(response)  # a form per link, a token in the URL: never shared
    return response


def _subpage_url(request, page, name):
    return page.get_url(request) + page.reverse_subpage(name)


def request_link(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = RequestLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_spam():
            return see_other(_subpage_url(request, page, "profile_update_sent"))
        if limiter.is_exceeded(request):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            limiter.hit(request)
            try:
                send_link(page, request)
            except LinksExhausted:
                form.add_error(
                    None,
                    _(
                        "A link to update this profile was sent several times lately. Please "
                        "use the link in the latest e-mail, or ask again in an hour."
                    ),
                )
                status = 429
            except MailFailed:
                form.add_error(
                    None,
                    _("The e-mail could not be sent just now. Please try again in a while."),
                )
                status = 503
            else:
                return see_other(_subpage_url(request, page, "profile_update_sent"))
    owner = profile_page(page)
    context = {"form": form, "to_moderators": not owner.contact_email}
    return _render(request, page, "request", context, status)


def sent(request, page):
    return _render(request, page, "sent", {"to_moderators": not profile_page(page).contact_email})


def edit(request, page, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    try:
        update = update_for(token, page)
    except InvalidLink as error:
        return _invalid(request, page, error.reason)
    owner = profile_page(update.page)
    privacy = page.get_parent().specific.localized_privacy_page()
    kwargs = {"privacy_url": privacy.get_url(request) if privacy else None}
    status = 200
    if request.method == "POST":
        form = ProfileUpdateForm(data=request.POST, files=request.FILES, **kwargs)
        if form.is_valid():
            try:
                apply_update(update, form, form.cleaned_data["shown_revision"])
            except InvalidLink as error:
                return _invalid(request, page, error.reason)
            except ValidationError as error:  # the page's own checks, beyond the form's
                form.add_error(None, error)
            else:
                return see_other(_subpage_url(request, page, "profile_update_done"))
        status = 400
        form.keep_logo(request)
    profile = profile_to_update(owner)
    if request.method != "POST":
        initial = {
            **ProfileUpdateForm.initial_for(profile),
            "shown_revision": shown_revision_id(owner),
        }
        form = ProfileUpdateForm(initial=initial, **kwargs)
    pending = pending_review(owner)
    context = {
        "form": form,
        "logo": profile.logo,
        "pending_since": pending.created_at if pending is not None else None,
    }
    return _render(request, page, "form", context, status)


def done(request, page):
    return _render(request, page, "done")


def _invalid(request, page, reason):
    request_url = _subpage_url(request, page, "profile_update_request")
    context = {"reason": reason, "request_url": request_url}
    return _render(request, page, "invalid", context, INVALID_STATUS[reason])

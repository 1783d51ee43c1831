"""The follow pages, served by ``ClusterIndexPage``: ``follow/`` (the form, filled from the
filters a visitor came with), ``follow/sent/``, ``follow/confirm/<token>/`` and
``follow/unsubscribe/<token>/`` (GET asks, POST unsubscribes: the page's button, or a mail
client's one-click POST of RFC 8058). None of them is kept by the page cache."""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from ..antispam import RateLimiter
from ..choices import Country
from ..collation import sort_key
from ..models import industry_names
from ..public_forms import TOO_MANY, see_other
from .forms import FollowForm
from .links import confirmed_choices, subscription_of
from .services import MailFailed, ask_to_confirm, confirm, mail_limiter

limiter = RateLimiter("follow", "FOLLOW_RATE_LIMIT")


def _render(request, page, template, context=None, status=200):
    response = TemplateResponse(
        request,
        f"clusterdirectory/follow/{template}.html",
        {"page": page, "self": page, **(context or {})},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _url(request, page, name):
    return page.get_url(request) + page.reverse_subpage(name)


def follow(request, page):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    privacy = page.localized_privacy_page()
    kwargs = {"privacy_url": privacy.get_url(request) if privacy else None}
    status = 200
    if request.method == "POST":
        form = FollowForm(data=request.POST, **kwargs)
        if form.is_spam():
            return see_other(_url(request, page, "follow_sent"))
        if limiter.is_exceeded(request):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            status = 429
        elif not form.is_valid():
            status = 400
        elif mail_limiter.is_exceeded(request, who=form.cleaned_data["email"]):
            form.add_error(
                "email",
                _(
                    "We have sent several confirmation e-mails to this address lately. Please "
                    "use the link in the latest one, or try again tomorrow."
                ),
            )
            status = 429
        else:
            limiter.hit(request)
            try:
                ask_to_confirm(form, page, request)
            except MailFailed:
                form.add_error(
                    None, _("The e-mail could not be sent just now. Please try again in a while.")
                )
                status = 503
            else:
                return see_other(_url(request, page, "follow_sent"))
    else:
        # Filled from the filters the visitor came with; unknown ones are left out.
        form = FollowForm(
            initial={
                "industries": request.GET.getlist("tag"),
                "countries": [c.upper() for c in request.GET.getlist("country")],
            },
            **kwargs,
        )
    return _render(request, page, "form", {"form": form}, status)


def sent(request, page):
    return _render(request, page, "sent")


def confirm_view(request, page, token):
    found = confirmed_choices(token)
    if found is None or found == "expired":
        reason = "expired" if found == "expired" else "forged"
        context = {"reason": reason, "follow_url": _url(request, page, "follow")}
        return _render(request, page, "invalid", context, 410 if reason == "expired" else 400)
    subscription = confirm(*found)
    names = industry_names()
    context = {
        "industries": sorted(
            (names.get(tag.pk, tag.name) for tag in subscription.industries.all()), key=sort_key
        ),
        "countries": [label for code, label in Country.choices if code in subscription.countries],
    }
    return _render(request, page, "confirmed", context)


def unsubscribe(request, page, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscription = subscription_of(token)
    if subscription is not None and request.method != "POST":
        # Only asked: mail scanners open every link in a message, and must not unsubscribe.
        return _render(request, page, "unsubscribe", {"email": subscription.email})
    if subscription is not None:
        # Nothing is kept of it: unsubscribing erases the address and the choices.
        subscription.delete()
    return _render(request, page, "unsubscribed", {"follow_url": _url(request, page, "follow")})

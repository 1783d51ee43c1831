from django.template.response import TemplateResponse
from django.utils.translation import get_language

from ..antispam import RateLimiter
from ..public_forms import process_public_form
from .forms import RegistrationForm
from .repeats import earlier_registration, remember, sent_before
from .services import store_registration

limiter = RateLimiter("registration", "REGISTRATION_RATE_LIMIT")


def register(request, index_page):
    if request.method == "POST" and earlier_registration(request.POST.get("form_token")):
        return thanks(request, index_page, already_received=True)
    privacy_page = index_page.localized_privacy_page()
    stored = []

    def store(form):
        if sent_before(request, form) is not None:
            return thanks(request, index_page, already_received=True)
        stored.append(store_registration(form, index_page, get_language()))
        return None

    response = process_public_form(
        request,
        form_class=RegistrationForm,
        form_kwargs={"privacy_url": privacy_page.get_url(request) if privacy_page else None},
        limiter=limiter,
        template="clusterdirectory/registration_form.html",
        context={"page": index_page, "self": index_page},
        on_valid=store,
        on_invalid=lambda form: form.keep_logo(request),
        success_url=index_page.get_url(request) + index_page.reverse_subpage("register_thanks"),
    )
    if stored:
        remember(request, response, stored[0])
    return response


def thanks(request, index_page, already_received=False):
    return TemplateResponse(
        request,
        "clusterdirectory/registration_thanks.html",
        {"page": index_page, "self": index_page, "already_received": already_received},
    )

from django.template.response import TemplateResponse
from django.utils.translation import get_language

from ..antispam import RateLimiter
from ..public_forms import process_public_form
from .forms import RegistrationForm
from .services import store_registration

limiter = RateLimiter("registration", "REGISTRATION_RATE_LIMIT")


def register(request, index_page):
    privacy_page = index_page.localized_privacy_page()
    return process_public_form(
        request,
        form_class=RegistrationForm,
        form_kwargs={"privacy_url": privacy_page.get_url(request) if privacy_page else None},
        limiter=limiter,
        template="clusterdirectory/registration_form.html",
        context={"page": index_page, "self": index_page},
        on_valid=lambda form: store_registration(form, index_page, get_language()),
        on_invalid=lambda form: form.keep_logo(request),
        success_url=index_page.get_url(request) + index_page.reverse_subpage("register_thanks"),
    )


def thanks(request, index_page):
    return TemplateResponse(
        request,
        "clusterdirectory/registration_thanks.html",
        {"page": index_page, "self": index_page},
    )

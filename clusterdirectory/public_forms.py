"""The request cycle shared by Matchpoint's public forms (registration and contact).

GET shows the empty form. POST with errors shows it again with what the visitor typed and
a message next to each field (status 400); ``on_invalid(form)`` may keep what a browser does
not send again (files). A filled honeypot gets the thank-you page and nothing is stored.
Every other post counts towards the rate limit, refused ones too; past it the form comes
back with a message (status 429) and nothing is stored. Otherwise ``on_valid(form)`` stores
the submission and the visitor is redirected to the thank-you page, unless it returns a
response to answer with instead.
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

TOO_MANY = _(
    "Too many submissions from your network in a short time. Nothing was saved; please try "
    "again later."
)


def process_public_form(
    request,
    *,
    form_class,
    form_kwargs=None,
    limiter,
    template,
    context,
    on_valid,
    success_url,
    on_invalid=None,
):
    form_kwargs = form_kwargs or {}
    status = 200
    if request.method == "POST":
        form = form_class(data=request.POST, files=request.FILES, **form_kwargs)
        if form.is_spam():
            return see_other(success_url)
        if limiter.is_exceeded(request):
            form.is_valid()  # keep field errors visible alongside the limit message
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            limiter.hit(request)  # every post counts, refused ones too
            if form.is_valid():
                answer = on_valid(form)
                return answer if isinstance(answer, HttpResponseBase) else see_other(success_url)
            status = 400
            if on_invalid:
                on_invalid(form)
    elif request.method in ("GET", "HEAD"):
        form = form_class(**form_kwargs)
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return TemplateResponse(request, template, {**context, "form": form}, status=status)


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # the browser fetches the thank-you page with GET
    return response

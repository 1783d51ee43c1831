from django.conf import settings
from django.middleware.locale import LocaleMiddleware

JSON_TYPES = ("application/json", "application/problem+json")  # API v2 and v3


class JSONAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a JSON answer (the API's 404s) is never turned
    into a redirect to a language-prefixed HTML URL."""

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith(JSON_TYPES):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware:
    """Sends ``settings.CONTENT_SECURITY_POLICY`` with every response, and
    ``CONTENT_SECURITY_POLICY_ADMIN`` under the admin (and its previews), whose editor needs
    inline styles. A
    view that sets its own policy keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = settings.CONTENT_SECURITY_POLICY
        self.admin = settings.CONTENT_SECURITY_POLICY_ADMIN
        self.admin_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            # A preview is rendered through a dummy request for the page's public URL, and
            # shown in a frame of the admin: it gets the admin's policy.
            admin = request.path.startswith(self.admin_prefixes) or getattr(
                request, "is_dummy", False
            )
            response["Content-Security-Policy"] = self.admin if admin else self.public
        return response

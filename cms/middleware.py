from django.middleware.locale import LocaleMiddleware


class JSONAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a JSON answer (the API's 404s) is never turned
    into a redirect to a language-prefixed HTML URL."""

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        return super().process_response(request, response)

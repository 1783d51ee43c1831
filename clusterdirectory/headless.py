"""Headless preview for the plugin's pages (and any host page that mixes this in).

With a front end configured in ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]``, wagtail-headless-
preview stores the draft under a signed token and sends the editor to
``<front end>?content_type=app.model&token=...``; the front end fetches the draft from the
``page_preview`` API endpoint (``clusterdirectory.api.v2.PagePreviewAPIViewSet``).

Without one, the package would fail on the missing ``default`` entry; this mixin then falls
back to Wagtail's ordinary preview, rendered by the page's own template.
"""

from wagtail_headless_preview.models import HeadlessPreviewMixin


class OptionalHeadlessPreviewMixin(HeadlessPreviewMixin):
    def has_headless_client(self, request):
        try:
            return bool(self.get_client_root_url(request).strip("/"))
        except (KeyError, AttributeError):  # no "default" entry, or no Site for the request
            return False

    def serve_preview(self, request, mode_name):
        if self.has_headless_client(request):
            return super().serve_preview(request, mode_name)
        # Skip the package's serve_preview: Page's own renders the template.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)

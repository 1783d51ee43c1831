from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import search
from staff.chooser import choose_page

from .api import api_urlpatterns
from .api_v3 import urlpatterns as api_v3_urlpatterns
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's admin: its page chooser, opened in the editor's language.
    path("admin/choose-page/", choose_page, name="choose_page_in_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include((api_urlpatterns, "wagtailapi"))),
    path("api/v3/", include(api_v3_urlpatterns)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    # Browsers ask for it on their own; the pages name the SVG.
    path("favicon.ico", lambda request: redirect(static("img/favicon.svg"), permanent=True)),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    # Not named `static`: the favicon's redirect above uses the template tag's function.
    from django.conf.urls.static import static as served_from
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += served_from(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "cms.errors.server_error"  # a 503 while the database is down

# Pages live under /en/, /da/, /de/; "/" redirects by the browser's language.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),  # before Wagtail's pages, which match any path
    path("", include("clusterdirectory.urls")),  # the directory's export.csv / export.json
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

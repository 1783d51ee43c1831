"""Page routes whose last part has a file extension (a cluster index's ``export.csv`` and
``export.json``). Wagtail's own pattern only serves paths of words ending in "/", so these get a
pattern of their own, served by Wagtail's own view: site, language, privacy and the page's
routes work as for any page. Include it just before ``wagtail.urls``::

    urlpatterns += i18n_patterns(
        path("", include("clusterdirectory.urls")),
        path("", include(wagtail_urls)),
    )
"""

from django.urls import re_path
from wagtail import views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*export\.(?:csv|json))$", views.serve, name="clusterdirectory_export"),
]

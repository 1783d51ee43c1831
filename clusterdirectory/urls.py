"""Page routes Wagtail's own pattern cannot serve as they need: a cluster index's
``export.csv`` and ``export.json`` (Wagtail's pattern only serves paths of words ending in
"/"), and its ``follow/unsubscribe/<token>/``, which mail clients POST to without a CSRF token
(one-click unsubscribe, RFC 8058: the signed token is the proof, and unsubscribing is all it
can do). Both are served by Wagtail's own view: site, language, privacy and the page's routes
work as for any page. Include it just before ``wagtail.urls``::

    urlpatterns += i18n_patterns(
        path("", include("clusterdirectory.urls")),
        path("", include(wagtail_urls)),
    )
"""

from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*export\.(?:csv|json))$", views.serve, name="clusterdirectory_export"),
    re_path(
        r"^((?:[\w\-]+/)*follow/unsubscribe/[\w\-]+/)$",
        csrf_exempt(views.serve),
        name="clusterdirectory_unsubscribe",
    ),
]

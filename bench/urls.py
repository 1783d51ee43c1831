"""The site's URLs plus the floor (the cheapest Django view behind the same middleware) and
what a content change does to the caches, without changing content."""

from django.http import HttpResponse
from django.urls import path

from clusterdirectory.cache import content_changed
from cms.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


def change(request):
    content_changed()
    return HttpResponse("changed", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), path("bench/change/", change), *site_urlpatterns]

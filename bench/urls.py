"""The site's URLs plus the floor: the cheapest Django view behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]

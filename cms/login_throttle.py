"""The page staff see while django-axes pauses sign-ins (settings: ``AXES_*``)."""

import math

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(
        request,
        "axes/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )

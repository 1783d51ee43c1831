"""Error pages that need no database: when it is down or locked, visitors get a plain 503
("try again in a moment") instead of a 500, and API clients a JSON message."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def server_error(request):
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError) and not (
        isinstance(error, DatabaseError) and "locked" in str(error)
    ):
        return defaults.server_error(request)
    logger.error("Database unavailable: %s", error)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"message": "The service is briefly unavailable. Please try again shortly."},
            status=503,
        )
    else:
        # No request context: its processors (site settings, the user) would ask the database.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response

"""Placing a cluster on the map from its address, only where the site names a geocoder
(``CLUSTERDIRECTORY["GEOCODER"]``): a function of the page returning ``(latitude,
longitude)`` or None. A geocoder that fails leaves the cluster off the map; saving goes on."""

import logging

from django.utils.module_loading import import_string

from .conf import get_setting

logger = logging.getLogger(__name__)


def geocode(page):
    path = get_setting("GEOCODER")
    if not path:
        return None
    try:
        found = import_string(path)(page)
    except Exception:
        logger.exception("The geocoder could not place %s", page)
        return None
    if not found:
        return None
    latitude, longitude = found
    if -90 <= latitude <= 90 and -180 <= longitude <= 180:
        return latitude, longitude
    logger.warning("The geocoder placed %s off the globe: %s", page, found)
    return None

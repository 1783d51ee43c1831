"""What every map of the plugin draws on (the directory's, the editor's, the registration
form's): Leaflet, the basemap the site serves itself, and a tile server only where one is
configured, loaded only once the visitor asks for it (a tile server learns the address of
everyone who loads its tiles)."""

import functools
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static
from django.utils.translation import gettext as _

from .conf import get_setting


@functools.cache
def leaflet_available():
    return bool(
        finders.find("leaflet/leaflet.js") or staticfiles_storage.exists("leaflet/leaflet.js")
    )


def tile_host(url=None):
    """The host the configured tiles come from, as a visitor reads it ("" for none)."""
    url = get_setting("MAP_TILES").get("url", "") if url is None else url
    host = urlsplit(url).hostname or ""
    return host.removeprefix("{s}.")


def map_data():
    """The data-* attributes a map's script reads; None where the site has no Leaflet."""
    if not leaflet_available():
        return None
    tiles = get_setting("MAP_TILES")
    host = tile_host(tiles.get("url", ""))
    return {
        "basemap": static(get_setting("MAP_BASEMAP")),
        "tiles": tiles.get("url", "") if host else "",
        "attribution": tiles.get("attribution", "") if host else "",
        "tiles_label": (
            _("Show street map (loads tiles from %(host)s)") % {"host": host} if host else ""
        ),
    }

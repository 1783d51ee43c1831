"""The plugin's options: one ``CLUSTERDIRECTORY`` settings dictionary with defaults."""

from django.conf import settings

DEFAULTS = {
    # Cards per page on the cluster, event and case-study listings.
    "CLUSTERS_PER_PAGE": 12,
    "EVENTS_PER_PAGE": 10,
    "CASE_STUDIES_PER_PAGE": 10,
    # Matchpoint's public forms: submissions (refused ones too) per client IP address and
    # window, and logos kept for forms that came back with errors, per address.
    "REGISTRATION_RATE_LIMIT": "5/h",
    "CONTACT_RATE_LIMIT": "5/h",
    "KEPT_LOGOS_PER_ADDRESS": "3/d",
    # Links to update a cluster's profile: asked for per client address and window, and
    # per cluster (each e-mails its contact person), and how long one link works (seconds).
    "PROFILE_UPDATE_RATE_LIMIT": "5/h",
    "PROFILE_UPDATE_LINKS_PER_CLUSTER": "3/d",
    # Past those, the latest link that still works is sent again, at most this often.
    "PROFILE_UPDATE_LINK_RESENDS": "1/h",
    "PROFILE_UPDATE_LINK_MAX_AGE": 24 * 60 * 60,
    # Following industries: subscriptions asked for per client address and window, and
    # confirmation e-mails to one address; how long a confirmation link works (seconds).
    "FOLLOW_RATE_LIMIT": "5/h",
    "FOLLOW_MAILS_PER_ADDRESS": "3/d",
    "FOLLOW_CONFIRM_MAX_AGE": 7 * 24 * 60 * 60,
    # Days between two digests to one subscriber, and tries of a digest that failed.
    "DIGEST_INTERVAL_DAYS": 7,
    "DIGEST_ATTEMPTS": 5,
    # The request header that holds the client's address behind a trusted proxy, e.g.
    # "HTTP_X_REAL_IP"; None uses REMOTE_ADDR.
    "CLIENT_IP_HEADER": None,
    # The workflow a registered cluster's draft page is submitted to (created by migration).
    "REGISTRATION_WORKFLOW": "Cluster registration approval",
    # The logo a cluster may upload with its registration.
    "LOGO_MAX_BYTES": 5 * 1024 * 1024,
    "LOGO_MAX_PIXELS": 25_000_000,
    # Where messages to a cluster without a contact e-mail go: the dotted path of a function
    # of the cluster page returning (name, e-mail) or None (no contact form then).
    "CONTACT_FALLBACK": None,
    # The maps draw the basemap, a GeoJSON static file the site serves itself (land and
    # borders: scripts/make_basemap.py), and offer a tile server (Leaflet's URL template,
    # with the attribution its licence asks for, HTML) behind a button that names it: tiles
    # load only once the visitor asks. An empty URL offers none. Leaflet's files must be
    # among the static files as leaflet/ (the site serves them from node_modules/leaflet/dist).
    "MAP_BASEMAP": "clusterdirectory/basemap.geojson",
    "MAP_TILES": {
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">'
        "OpenStreetMap</a> contributors",
    },
    # The dotted path of a function of a ClusterPage returning (latitude, longitude) or
    # None, to place a cluster without a location from its address when it is saved. None:
    # editors place clusters on the map themselves.
    "GEOCODER": None,
    # Suggested potential partners on a cluster page, after those the editors chose.
    "PARTNER_SUGGESTIONS": 6,
    # The Django cache (alias) that keeps the facet index and partner rankings under the
    # content version (cache.py), and how long at most (seconds).
    "CACHE": "default",
    "CACHE_TIMEOUT": 24 * 60 * 60,
    # Days after submission until `purge_personal_data` deletes a record: registrations by
    # status (a published cluster keeps its page) and contact requests once relayed.
    "RETENTION_DAYS": {
        "rejected_registrations": 30,
        "stale_registrations": 180,  # received or awaiting approval
        "published_registrations": 365,
        "contact_requests": 90,
        "unconfirmed_subscriptions": 7,
    },
}


def get_setting(name):
    return getattr(settings, "CLUSTERDIRECTORY", {}).get(name, DEFAULTS[name])

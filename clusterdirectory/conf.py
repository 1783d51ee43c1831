"""The plugin's options: one ``CLUSTERDIRECTORY`` settings dictionary with defaults."""

from django.conf import settings

DEFAULTS = {
    # Cards per page on the cluster, event and case-study listings.
    "CLUSTERS_PER_PAGE": 12,
    "EVENTS_PER_PAGE": 10,
    "CASE_STUDIES_PER_PAGE": 10,
}


def get_setting(name):
    return getattr(settings, "CLUSTERDIRECTORY", {}).get(name, DEFAULTS[name])

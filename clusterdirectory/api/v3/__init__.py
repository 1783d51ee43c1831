"""The plugin's routers on Wagtail's API v3 (``wagtail.api.v3``): the cluster directory with
its filters and facet counts, the events and case studies likewise, the industries with their
names in a language, and the registration and contact forms.

``ClusterDirectoryConfig.ready()`` adds them to Wagtail's API when ``wagtail.api.v3`` is
installed, as Wagtail's own apps add theirs; a site mounts it with
``path("api/v3/", api.urls)`` (``from wagtail.api.v3.urls import api``).
"""


def register(api):
    from .case_studies import router as case_studies
    from .clusters import router as clusters
    from .events import router as events
    from .forms import router as forms
    from .industries import router as industries
    from .places import router as places

    api.add_router("/clusters/", clusters)
    api.add_router("/events/", events)
    api.add_router("/case-studies/", case_studies)
    api.add_router("/industries/", industries)
    api.add_router("/places/", places)
    api.add_router("/", forms)  # /cluster-registrations/ and /contact-requests/

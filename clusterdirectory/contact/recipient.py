"""Who receives a message sent with a cluster's contact form.

The cluster's contact person when the profile has an e-mail address; else, where the site
names one (``CLUSTERDIRECTORY["CONTACT_FALLBACK"]``), the network's own contact, who passes
the message on. Visitors are told which.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string

from ..conf import get_setting


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    is_network: bool = False  # the network's contact, for a cluster without its own


def network_contact(page, request=None):
    """The fallback for ``page``'s site, or None: ``CONTACT_FALLBACK`` is the dotted path of
    a function of the cluster page and the request (None outside one) returning
    ``(name, e-mail)`` or None."""
    path = get_setting("CONTACT_FALLBACK")
    found = import_string(path)(page, request) if path else None
    if not found or not found[1]:
        return None
    return Recipient(name=found[0], email=found[1], is_network=True)


def contact_recipient(page, request=None):
    if page.contact_email:
        return Recipient(name=page.contact_name or page.title, email=page.contact_email)
    return network_contact(page, request)

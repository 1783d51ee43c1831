from django import forms
from django.utils.translation import gettext_lazy as _

from ..antispam import HoneypotMixin
from ..registration.forms import RegistrationForm
from ..text import rich_text_to_text


class RequestLinkForm(HoneypotMixin, forms.Form):
    """Asking for the e-mailed link: nothing to fill in but the honeypot."""


class ProfileUpdateForm(RegistrationForm):
    """The registration form, filled with the cluster's live profile."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo_file"].help_text = _(
            "Optional: without a new file the current logo stays. A JPEG, PNG or WebP image "
            "of at most 5 MB."
        )

    @staticmethod
    def initial_for(page):
        return {
            "name": page.title,
            **{
                name: getattr(page, name)
                for name in (
                    "street",
                    "po_box",
                    "postcode",
                    "city",
                    "country",
                    "website",
                    "contact_name",
                    "contact_title",
                    "contact_email",
                    "contact_phone",
                    "show_contact_email",
                    "founded_year",
                    "members_count",
                    "members_description",
                    "focus_areas",
                )
            },
            "industries": [tag.slug for tag in page.industries.all()],
            "services": "\n".join(str(block.value) for block in page.services),
            "description": rich_text_to_text(page.description),
        }

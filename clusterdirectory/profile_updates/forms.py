from django import forms
from django.utils.translation import gettext_lazy as _

from ..antispam import HoneypotMixin
from ..registration.forms import RegistrationForm
from ..text import rich_text_to_text


class RequestLinkForm(HoneypotMixin, forms.Form):
    """Asking for the e-mailed link: nothing to fill in but the honeypot."""


class ProfileUpdateForm(RegistrationForm):
    """The registration form, filled with the cluster's profile: the live one, or with the
    changes waiting for review."""

    # The revision the form was filled from: what the person did not change stays as it is
    # now, even if others sent changes meanwhile.
    shown_revision = forms.CharField(required=False, widget=forms.HiddenInput)
    form_token = None  # the link works once already

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo_file"].help_text = _(
            "Optional: without a new file the current logo stays. A JPEG, PNG or WebP image "
            "of at most 5 MB."
        )

    @classmethod
    def initial_for(cls, page):
        # The form's fields that the page has under the same name, then those it names
        # or holds otherwise.
        same = [name for name in cls.Meta.fields if name not in ("services", "description")]
        return {
            **{name: getattr(page, name) for name in same if hasattr(page, name)},
            "name": page.title,
            "industries": [tag.slug for tag in page.industries.all()],
            "services": "\n".join(str(block.value) for block in page.services),
            "description": rich_text_to_text(page.description),
        }

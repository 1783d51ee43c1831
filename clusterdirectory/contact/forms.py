from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..antispam import HoneypotMixin
from ..models import ContactRequest

TOO_LONG = _("Please use at most %(limit_value)d characters (you typed %(show_value)d).")


def single_line(value):
    """Names go into the mail's subject line, where a line break would not survive."""
    if any(ord(char) < 32 for char in value):
        raise forms.ValidationError(_("Please write this on one line."), code="single_line")


class ContactForm(HoneypotMixin, forms.ModelForm):
    """What a visitor writes to a cluster. Everything is plain text: templates escape it and
    the relayed mail is text/plain."""

    class Meta:
        model = ContactRequest
        fields = ["name", "organisation", "email", "message", "consent"]
        labels = {"name": _("Your name"), "organisation": _("Organisation"), "email": _("E-mail")}
        help_texts = {"email": _("The cluster answers to this address.")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {"required": _("Please enter your name."), "max_length": TOO_LONG},
            "organisation": {
                "required": _("Please enter your organisation."),
                "max_length": TOO_LONG,
            },
            "email": {
                "required": _("Please enter your e-mail address, so the cluster can answer."),
                "invalid": _("Please enter a valid e-mail address, e.g. name@example.com."),
                "max_length": TOO_LONG,
            },
            "message": {"required": _("Please write your message."), "max_length": TOO_LONG},
            "consent": {
                "required": _("Please agree, or we cannot forward your message to the cluster.")
            },
        }

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(single_line)
        self.fields["organisation"].validators.append(single_line)
        consent = self.fields["consent"]
        consent.required = True
        label = _(
            "I agree that my message and contact data are stored and forwarded to the cluster."
        )
        if privacy_url:
            label = format_html('{} <a href="{}">{}</a>', label, privacy_url, _("Privacy policy"))
        consent.label = label

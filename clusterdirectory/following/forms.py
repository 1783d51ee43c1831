from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..antispam import HoneypotMixin
from ..choices import Country
from ..models import IndustryTag, industry_names
from ..registration.forms import IndustryChoiceField


class FollowForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    industries = IndustryChoiceField(
        queryset=IndustryTag.objects.order_by("name"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Industries"),
        help_text=_("None chosen: every industry."),
        error_messages={"invalid_choice": _("There is no industry called “%(value)s”.")},
    )
    countries = forms.MultipleChoiceField(
        choices=Country.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Countries"),
        help_text=_("None chosen: both countries."),
        error_messages={"invalid_choice": _("There is no country called “%(value)s”.")},
    )
    consent = forms.BooleanField(required=True)

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industries"].names = industry_names()
        consent = _(
            "I agree that my e-mail address and choices are stored to send me the digest, "
            "until I unsubscribe."
        )
        if privacy_url:
            consent = format_html('{} <a href="{}">{}</a>', consent, privacy_url, _("Privacy"))
        self.fields["consent"].label = consent
        self.fields["consent"].error_messages["required"] = _(
            "Please agree, otherwise we cannot send you the digest."
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

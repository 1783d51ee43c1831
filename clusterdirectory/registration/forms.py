import datetime
import os

import phonenumbers
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .. import places
from ..antispam import HoneypotMixin
from ..choices import Country
from ..collation import sort_key
from ..conf import get_setting
from ..models import ClusterRegistration, IndustryTag, industry_names
from ..text import plain_text
from . import kept_logo
from .repeats import TOKEN, new_form_token

LOGO_FORMATS = {"JPEG", "PNG", "WEBP"}
REQUIRED_TEXT_FIELDS = [
    "name",
    "street",
    "postcode",
    "city",
    "contact_name",
    "contact_title",
    "focus_areas",
]


class ByLabelChoiceIterator(ModelChoiceIterator):
    """The choices in the alphabetical order of their labels in the form's language."""

    def __iter__(self):
        choices = list(super().__iter__())
        yield from sorted(choices, key=lambda choice: sort_key(str(choice[1])))


class IndustryChoiceField(forms.ModelMultipleChoiceField):
    """Existing industry tags as checkboxes, named and ordered in the visitor's language."""

    iterator = ByLabelChoiceIterator

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = {}

    def label_from_instance(self, tag):
        return self.names.get(tag.pk, tag.name)


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    industries = IndustryChoiceField(
        queryset=IndustryTag.objects.order_by("name"),
        to_field_name="slug",  # the same key as in filter URLs and the API
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Industries"),
        help_text=_("Choose every industry that fits. Visitors filter the directory by them."),
    )
    website = forms.URLField(
        label=_("Website"),
        max_length=255,
        assume_scheme="https",
        help_text=_("For example: https://www.example-cluster.dk"),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    logo_file = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    # Where the map shows the cluster: set on the map above them, typed, or, left empty,
    # the city's (``places.py``). Plain number fields: they work without JavaScript.
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_(
            "Where the map shows the cluster: click the map, or type it, e.g. 54.7752. Left "
            "empty, the cluster is shown at its city."
        ),
        error_messages={
            "min_value": _("A latitude is between -90 and 90 degrees."),
            "max_value": _("A latitude is between -90 and 90 degrees."),
            "invalid": _("Enter the latitude as a number of degrees, e.g. 54.7752."),
        },
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("E.g. 9.4521 (east of Greenwich)."),
        error_messages={
            "min_value": _("A longitude is between -180 and 180 degrees."),
            "max_value": _("A longitude is between -180 and 180 degrees."),
            "invalid": _("Enter the longitude as a number of degrees, e.g. 9.4521."),
        },
    )
    consent = forms.BooleanField(required=True)
    # A logo chosen before the form last came back with errors (``kept_logo.py``).
    logo_kept = forms.CharField(required=False, widget=forms.HiddenInput)
    # One key per form shown (``repeats.py``); the form sent again keeps it.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ClusterRegistration
        fields = [
            "name",
            "street",
            "po_box",
            "postcode",
            "city",
            "country",
            "latitude",
            "longitude",
            "website",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "show_contact_email",
            "founded_year",
            "members_count",
            "members_description",
            "industries",
            "industry_other",
            "focus_areas",
            "services",
            "description",
            "logo_file",
            "consent",
        ]
        labels = {
            "name": _("Name of the cluster"),
            "contact_name": _("Contact person"),
            "contact_email": _("E-mail of the contact person"),
            "contact_phone": _("Phone of the contact person"),
            "show_contact_email": _("Show this e-mail address on the public profile"),
            "founded_year": _("Founded (year)"),
            "members_count": _("Number of members"),
            "industry_other": _("Other industry"),
        }
        help_texts = {
            "contact_title": _("For example: Managing Director"),
            "contact_phone": _(
                "With the country code, e.g. +45 2035 3255, or as dialled within the cluster's "
                "country."
            ),
            "show_contact_email": _(
                "Without this, visitors reach the contact person through a contact form that "
                "does not reveal the address."
            ),
            "members_description": _(
                "Who the members are, e.g. 'companies, universities and municipalities'."
            ),
            "industry_other": _("If no industry above fits, name yours here."),
            "focus_areas": _(
                "What the cluster works on. Separate areas with commas: shared areas help us "
                "suggest partners across the border."
            ),
            "services": _("One service per line."),
            "description": _("A few sentences about the cluster. Plain text."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(
                attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}
            ),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "members_description": forms.Textarea(attrs={"rows": 2}),
            "focus_areas": forms.Textarea(attrs={"rows": 3}),
            "services": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "form_token" in self.fields:
            self.fields["form_token"].initial = new_form_token()
        self.kept_logo_id = None
        self.fields["industries"].names = industry_names()
        self.fields["country"].choices = [("", _("Choose a country"))] + list(
            self.fields["country"].choices
        )[1:]
        this_year = datetime.date.today().year
        self.fields["founded_year"].widget.attrs.update(min=1800, max=this_year)
        self.fields["members_count"].widget.attrs.update(min=1)
        consent = _(
            "I agree that this profile is published on this website and that the contact data "
            "is stored to handle the registration."
        )
        if privacy_url:
            consent = format_html('{} <a href="{}">{}</a>', consent, privacy_url, _("Privacy"))
        self.fields["consent"].label = consent
        self.fields["consent"].error_messages["required"] = _(
            "Please agree, otherwise we cannot publish the profile."
        )

    def clean(self):
        cleaned = super().clean()
        for name in REQUIRED_TEXT_FIELDS:
            if cleaned.get(name) and not plain_text(cleaned[name]):
                self.add_error(name, _("Please enter plain text, without HTML."))
        if not cleaned.get("industries") and not cleaned.get("industry_other", "").strip():
            self.add_error(
                "industries", _("Choose at least one industry, or name it under 'Other industry'.")
            )
        self._clean_location(cleaned)
        return cleaned

    def _clean_location(self, cleaned):
        if "latitude" not in cleaned or "longitude" not in cleaned:
            return  # one of them has its own error
        latitude, longitude = cleaned["latitude"], cleaned["longitude"]
        if (latitude is None) != (longitude is None):
            self.add_error(
                "latitude" if latitude is None else "longitude",
                forms.ValidationError(
                    _("Give both latitude and longitude, or leave both empty."), code="half"
                ),
            )
        elif latitude is None and (
            place := places.find(cleaned.get("city"), cleaned.get("country"))
        ):
            cleaned["latitude"], cleaned["longitude"] = place.latitude, place.longitude

    def clean_contact_phone(self):
        value = self.cleaned_data["contact_phone"].strip()
        message = _(
            "Enter the phone number in international format, starting with + and the country "
            "code, e.g. +45 2035 3255, or as dialled within the cluster's country."
        )
        # Without a +, the number is read as dialled in the cluster's country (country comes
        # first in the form) or, without one, in the country of the form's language.
        country = self.cleaned_data.get("country") or Country.of_language(get_language())
        try:
            number = phonenumbers.parse(value, None if value.startswith("+") else country or None)
        except phonenumbers.NumberParseException as error:
            raise forms.ValidationError(message, code="phone_format") from error
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("This phone number does not exist. Please check it."), code="phone_invalid"
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        return token if TOKEN.fullmatch(token) else ""  # not ours: only nothing to recognise

    def clean_founded_year(self):
        year = self.cleaned_data["founded_year"]
        this_year = datetime.date.today().year
        if not 1800 <= year <= this_year:
            raise forms.ValidationError(
                _("Enter a year between 1800 and %(year)s."),
                code="founded_range",
                params={"year": this_year},
            )
        return year

    def clean_members_count(self):
        count = self.cleaned_data["members_count"]
        if count < 1:
            raise forms.ValidationError(_("A cluster has at least one member."), code="min")
        return count

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return self._kept_logo()
        max_bytes = get_setting("LOGO_MAX_BYTES")
        if upload.size > max_bytes:
            raise forms.ValidationError(
                _("The logo is too large (%(size)s MB). At most %(max)s MB, please."),
                code="file_size",
                # In the visitor's number format: "6,9" in Danish and German.
                params={
                    "size": number_format(round(upload.size / 2**20, 1), 1),
                    "max": number_format(max_bytes // 2**20),
                },
            )
        image = getattr(upload, "image", None)
        if image is None or image.format not in LOGO_FORMATS:
            raise forms.ValidationError(
                _("Upload the logo as a JPEG, PNG or WebP image."), code="file_type"
            )
        width, height = image.size
        if width * height > get_setting("LOGO_MAX_PIXELS"):
            raise forms.ValidationError(
                _("The logo has too many pixels (%(width)s × %(height)s). Please scale it down."),
                code="pixels",
                params={"width": width, "height": height},
            )
        upload.seek(0)
        with Image.open(upload) as check:
            check.verify()  # rejects truncated files Pillow only half-read above
        upload.seek(0)
        return upload

    def _kept_logo(self):
        token = self.data.get("logo_kept", "")
        if not token:
            return None
        try:
            found = kept_logo.find(token)
        except kept_logo.Expired:
            raise forms.ValidationError(
                _("The logo you chose earlier is no longer kept. Please choose it again."),
                code="logo_expired",
            ) from None
        if found is None:
            return None
        self.kept_logo_id, logo = found
        return logo

    def keep_logo(self, request):
        """On a form with errors: keep a valid logo for the next try, and say so."""
        logo = self.cleaned_data.get("logo_file") if hasattr(self, "cleaned_data") else None
        if not logo:
            return
        if self.kept_logo_id:
            token = self.data.get("logo_kept", "")
        else:
            token = kept_logo.keep(logo, request)
            if token is None:  # past the address's limit: nothing more is kept
                self["logo_file"].help_text = _(
                    "Please choose the logo again once the other fields are right."
                )
                return
            self._forget_replaced_logo()
        self.data = self.data.copy()
        self.data["logo_kept"] = token
        # The bound field read the help text when the form was cleaned.
        self["logo_file"].help_text = _(
            "“%(name)s” is kept: you need not choose it again. Choose another file to replace it."
        ) % {"name": os.path.basename(logo.name)}

    def forget_kept_logo(self):
        if self.kept_logo_id:
            kept_logo.forget(self.kept_logo_id)

    def _forget_replaced_logo(self):
        """A new file replaces the one kept before: one address keeps one logo a form."""
        try:
            found = kept_logo.find(self.data.get("logo_kept", ""))
        except kept_logo.Expired:
            return
        if found:
            kept_logo.forget(found[0])

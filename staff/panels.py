from django import forms
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import GroupLocalePermission


class GroupLocalePermissionPanel(forms.Form):
    """The "Languages" panel of a group's edit page: the locales its members may change."""

    locales = forms.ModelMultipleChoiceField(
        queryset=Locale.objects.order_by("language_code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Languages"),
        help_text=_(
            "Members may change content only in these languages. "
            "None ticked: every language their other permissions allow."
        ),
    )

    def __init__(self, data=None, files=None, instance=None, prefix="locale_permissions"):
        self.instance = instance
        initial = {}
        if instance is not None and instance.pk:
            initial["locales"] = list(
                instance.locale_permissions.values_list("locale_id", flat=True)
            )
        super().__init__(data, files, initial=initial, prefix=prefix)
        self.fields["locales"].label_from_instance = Locale.get_display_name

    @transaction.atomic
    def save(self):
        chosen = self.cleaned_data["locales"]
        self.instance.locale_permissions.exclude(locale__in=chosen).delete()
        for locale in chosen:
            GroupLocalePermission.objects.get_or_create(group=self.instance, locale=locale)

    def as_admin_panel(self):
        return render_to_string("staff/group_locale_permissions.html", {"form": self})

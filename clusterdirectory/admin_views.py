"""Staff views of what arrives through Matchpoint's public forms.

Registrations and contact requests are records of what people submitted: staff read and
delete them (deleting a registration erases its personal data, see ``signals``), but
never edit them; the cluster's page is where a profile is edited.
"""

from django.core.exceptions import FieldDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_search import SpellingSearchIndexView
from .listing import LOGO_FILTER
from .models import ClusterRegistration, ContactRequest
from .registration.duplicates import likely_duplicates


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """Django's model permissions, minus adding and changing."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ClusterRegistration, ReadAndDeletePolicy(ClusterRegistration))
register_permission_policy(ContactRequest, ReadAndDeletePolicy(ContactRequest))


class InspectWithHelpTextView(InspectView):
    """Wagtail's inspect view, with each field's help text under its value: staff read what
    a status or a relay error means where they see it."""

    template_name = "clusterdirectory/admin/inspect.html"

    def get_context_for_field(self, field_name):
        context = super().get_context_for_field(field_name)
        try:
            context["help_text"] = getattr(self.model._meta.get_field(field_name), "help_text", "")
        except FieldDoesNotExist:  # a method or property listed in inspect_view_fields
            context["help_text"] = ""
        return context


def page_link(page):
    """A link to ``page`` in the editor, with whether it is live or a draft."""
    if page is None:
        return "—"
    state = _("live") if page.live else _("draft")
    return format_html(
        '<a href="{}">{}</a> ({})',
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page.get_admin_display_title(),
        state,
    )


class PageColumn(Column):
    def get_value(self, instance):
        return page_link(instance.page)


class RegistrationInspectView(InspectWithHelpTextView):
    """The registration with links to the cluster page it became (a draft until approved)
    and to its index, the logo itself, and the pending registrations and live clusters that
    look like the same cluster."""

    def get_fields(self):
        fields = super().get_fields()
        fields.insert(fields.index("status") + 1, "likely_duplicates")
        return fields

    def get_field_label(self, field_name, field):
        if field_name == "likely_duplicates":
            return _("Likely duplicates")
        return super().get_field_label(field_name, field)

    def get_likely_duplicates_display_value(self):
        duplicates = likely_duplicates([self.object])[self.object.pk]
        if not duplicates:
            return _(
                "No other pending registration or live cluster has this name, website or e-mail."
            )
        return render_to_string(
            "clusterdirectory/admin/likely_duplicates.html", {"duplicates": duplicates}
        )

    def get_page_display_value(self):
        return page_link(self.object.page)

    def get_index_page_display_value(self):
        return page_link(self.object.index_page)

    def get_moderators_notified_display_value(self):
        registration = self.object
        if registration.moderators_notified_at is None:
            return _("Not yet.")
        return registration.moderators_notified or _("Nobody: no moderator has an e-mail address.")

    def get_logo_display_value(self):
        logo = self.object.logo
        if logo is None:
            return _("No logo was sent.")
        rendition = logo.get_rendition(LOGO_FILTER)
        return format_html(
            '<a href="{}"><img src="{}" width="{}" height="{}" alt="{}"></a>',
            reverse("wagtailimages:edit", args=[logo.pk]),
            rendition.url,
            rendition.width,
            rendition.height,
            _("Logo of %(name)s") % {"name": self.object.name},
        )


class ContactRequestInspectView(InspectWithHelpTextView):
    def get_cluster_display_value(self):
        return page_link(self.object.cluster)


class RegistrationViewSet(ModelViewSet):
    model = ClusterRegistration
    url_prefix = "matchpoint/registrations"
    url_namespace = "clusterdirectory_registrations"
    icon = "form"
    menu_label = _("Registrations")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = RegistrationInspectView
    index_view_class = SpellingSearchIndexView
    list_display = [
        "name",
        "country",
        "contact_name",
        "status",
        DateColumn("submitted_at", label=_("Submitted")),
        PageColumn("page", label=_("Cluster page")),
    ]
    list_filter = ["status", "country", "language_code"]
    search_fields = ["name", "contact_name", "contact_email", "city"]
    inspect_view_fields_exclude = ["id", "form_token"]
    form_fields = ["status"]  # required by ModelViewSet; the policy forbids editing
    list_export = [
        "name",
        "status",
        "submitted_at",
        "country",
        "city",
        "contact_name",
        "contact_email",
    ]


class ContactRequestViewSet(ModelViewSet):
    model = ContactRequest
    url_prefix = "matchpoint/contact-requests"
    url_namespace = "clusterdirectory_contact_requests"
    icon = "mail"
    menu_label = _("Contact requests")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ContactRequestInspectView
    index_view_class = SpellingSearchIndexView
    list_display = [
        "name",
        "organisation",
        "cluster",
        DateColumn("submitted_at", label=_("Submitted")),
        DateColumn("relayed_at", label=_("Relayed")),
    ]
    list_filter = ["language_code"]
    search_fields = ["name", "organisation", "email", "message"]
    inspect_view_fields_exclude = ["id"]
    form_fields = ["relayed_at"]  # required by ModelViewSet; the policy forbids editing


class MatchpointGroup(ModelViewSetGroup):
    items = (RegistrationViewSet, ContactRequestViewSet)
    menu_icon = "group"
    menu_label = _("Matchpoint")
    menu_name = "matchpoint"

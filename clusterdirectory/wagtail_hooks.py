from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import MatchpointGroup
from .dashboard import (
    RegistrationsAwaitingApprovalPanel,
    RegistrationsShownUntranslatedPanel,
    UntranslatedEventsPanel,
)
from .every_language import alias_in_every_language
from .models import ClusterPage, IndustryTag, IndustryTagName


class IndustryTagViewSet(SnippetViewSet):
    model = IndustryTag
    icon = "tag"
    menu_label = _("Industry tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # Taggit's own fields carry no help text.
    panels = [
        FieldPanel(
            "name",
            help_text=_(
                "The tag as editors type it on pages, in English, e.g. 'Wind energy'. "
                "Translate it under 'Industry tag names'."
            ),
        ),
        FieldPanel(
            "slug",
            help_text=_(
                "The tag in filter links, e.g. 'wind-energy'. Changing it breaks links "
                "that visitors saved."
            ),
        ),
    ]


class IndustryTagNameForm(WagtailAdminModelForm):
    def clean(self):
        # The locale is not a field of the form, so Django does not check this constraint.
        cleaned_data = super().clean()
        tag = cleaned_data.get("tag")
        others = IndustryTagName.objects.filter(tag=tag, locale_id=self.instance.locale_id)
        if tag and others.exclude(pk=self.instance.pk).exists():
            self.add_error("tag", _("This tag already has a name in this language."))
        return cleaned_data


class IndustryTagNameViewSet(SnippetViewSet):
    model = IndustryTagName
    icon = "tag"
    menu_label = _("Industry tag names")
    list_display = ["name", "tag", "locale"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("tag"), FieldPanel("name")], base_form_class=IndustryTagNameForm
    )


class IndustriesGroup(SnippetViewSetGroup):
    items = (IndustryTagViewSet, IndustryTagNameViewSet)
    menu_icon = "tag"
    menu_label = _("Industries")
    menu_name = "industries"


register_snippet(IndustriesGroup)


@hooks.register("register_admin_viewset")
def register_matchpoint():
    return MatchpointGroup()


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panel_classes = (
        RegistrationsAwaitingApprovalPanel,
        RegistrationsShownUntranslatedPanel,
        UntranslatedEventsPanel,
    )
    for panel_class in panel_classes:
        if panel := panel_class.for_user(request.user):
            panels.append(panel)


# After wagtail-localize's synchronized trees (order 0), which alias pages made in the
# source language: a cluster made in another language is aliased here.
@hooks.register("after_create_page", order=100)
def cluster_in_every_language(request, page):
    if isinstance(page, ClusterPage) and page.alias_of_id is None:
        alias_in_every_language(page)

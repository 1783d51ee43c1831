from datetime import timedelta

from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_search import SpellingSearchSnippetIndexView
from .admin_views import MatchpointGroup
from .dashboard import (
    FollowersPanel,
    NobodyToldPanel,
    RegistrationsAwaitingApprovalPanel,
    RegistrationsShownUntranslatedPanel,
    UntranslatedEventsPanel,
)
from .every_language import alias_in_every_language
from .maps import map_data
from .models import ClusterPage, IndustryTag, IndustryTagName, PlaceName
from .snippet_views import TranslatableSnippetViewSet
from .taxonomy.autocomplete import suggest_industry_tags


class NewTagNamePanel(TitleFieldPanel):
    """The name of a new tag fills in its slug as it is typed, as a page's title does; a
    renamed tag keeps its slug (links that visitors saved)."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


class IndustryTagForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, taggit makes it from the name (and unique) when the tag is saved.
        self.fields["slug"].required = False


class IndustryTagViewSet(SnippetViewSet):
    model = IndustryTag
    icon = "tag"
    menu_label = _("Industry tags")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "names__name"]
    search_backend_name = None  # the tag model is not in the search index
    index_view_class = SpellingSearchSnippetIndexView
    # Taggit's own fields carry no help text.
    edit_handler = ObjectList(
        [
            NewTagNamePanel(
                "name",
                placeholder=False,
                help_text=_(
                    "The tag as editors type it on pages, in English, e.g. 'Wind energy'. "
                    "Translate it under 'Industry tag names'."
                ),
            ),
            FieldPanel(
                "slug",
                widget=SlugInput,
                help_text=_(
                    "The tag in filter links, e.g. 'wind-energy'; filled in from the name. "
                    "Changing it breaks links that visitors saved."
                ),
            ),
        ],
        base_form_class=IndustryTagForm,
    )


class IndustryTagNameForm(WagtailAdminModelForm):
    def clean(self):
        # The locale is not a field of the form, so Django does not check this constraint.
        cleaned_data = super().clean()
        tag = cleaned_data.get("tag")
        others = IndustryTagName.objects.filter(tag=tag, locale_id=self.instance.locale_id)
        if tag and others.exclude(pk=self.instance.pk).exists():
            self.add_error("tag", _("This tag already has a name in this language."))
        return cleaned_data


class IndustryTagNameViewSet(TranslatableSnippetViewSet):
    model = IndustryTagName
    icon = "tag"
    menu_label = _("Industry tag names")
    list_display = ["name", "tag", "locale"]
    # Searched in the database: a part of a name is found, and SQLite's full-text index has
    # no column to restrict a search to a field ("no such column: name").
    search_fields = ["name", "tag__name"]
    search_backend_name = None
    index_view_class = SpellingSearchSnippetIndexView
    edit_handler = ObjectList(
        [FieldPanel("tag"), FieldPanel("name")], base_form_class=IndustryTagNameForm
    )


class IndustriesGroup(SnippetViewSetGroup):
    items = (IndustryTagViewSet, IndustryTagNameViewSet)
    menu_icon = "tag"
    menu_label = _("Industries")
    menu_name = "industries"


register_snippet(IndustriesGroup)


class PlaceNameViewSet(SnippetViewSet):
    model = PlaceName
    icon = "site"
    menu_label = _("Place names")
    list_display = ["__str__"]
    search_fields = ["names"]
    search_backend_name = None
    index_view_class = SpellingSearchSnippetIndexView


register_snippet(PlaceNameViewSet)


@hooks.register("register_admin_urls")
def register_industry_tag_suggestions():
    return [
        path(
            "industry-tags/suggest/",
            suggest_industry_tags,
            name="clusterdirectory_industry_tag_suggestions",
        )
    ]


@hooks.register("register_admin_viewset")
def register_matchpoint():
    return MatchpointGroup()


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panel_classes = (
        NobodyToldPanel,
        RegistrationsAwaitingApprovalPanel,
        RegistrationsShownUntranslatedPanel,
        UntranslatedEventsPanel,
        FollowersPanel,
    )
    for panel_class in panel_classes:
        if panel := panel_class.for_user(request.user):
            panels.append(panel)


@hooks.register("register_scheduled_jobs")
def recurring_commands():
    """The commands a site runs again and again (from cron, or a runner that reads this
    hook): mail that failed, the followers' digests and the purge of old personal data."""
    return [
        ("send_pending_mail", timedelta(minutes=5)),
        ("send_digests", timedelta(days=1)),
        ("purge_personal_data", timedelta(days=1)),
    ]


# After wagtail-localize's synchronized trees (order 0), which alias pages made in the
# source language: a cluster made in another language is aliased here.
@hooks.register("after_create_page", order=100)
def cluster_in_every_language(request, page):
    if isinstance(page, ClusterPage) and page.alias_of_id is None:
        alias_in_every_language(page)


@hooks.register("insert_editor_js")
def location_map_js():
    """The map above a cluster's latitude and longitude: click to set them (where Leaflet
    is; the fields work alone). In the editor's language."""
    data = map_data()
    if data is None:
        return ""
    return render_to_string("clusterdirectory/includes/location_map.html", {"map": data})

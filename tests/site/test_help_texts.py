"""Every field editors fill in, and every block they insert, says in plain words what it is for.

The walk covers whatever is installed: every page type, snippet and setting of the site's
apps, through the edit handlers the admin builds (so panel-level help texts count), and every
block of every StreamField down to StructBlock and ListBlock children. A new field or block
without a help text fails here.
"""

import pytest
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.coreutils import get_dummy_request
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db

OUR_APPS = {"clusterdirectory", "home"}

# Wagtail's own page fields: title, slug, SEO title, search description and "show in menus"
# come with Wagtail's help texts; the schedule and comment fields explain themselves.
WAGTAIL_OWN_FIELDS = {
    "title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "go_live_at",
    "expire_at",
    "comment_notifications",
}

PAGE_MODELS = [model for model in get_page_models() if model._meta.app_label in OUR_APPS]
SNIPPET_MODELS = [model for model in get_snippet_models() if model._meta.app_label in OUR_APPS]
SETTINGS_MODELS = [model for model in settings_registry if model._meta.app_label in OUR_APPS]


def model_id(model):
    return model._meta.label


def edit_handler_of(model):
    if issubclass(model, Page):
        return model.get_edit_handler()
    if model in SNIPPET_MODELS:
        return model.snippet_viewset.get_edit_handler()
    from wagtail.contrib.settings.views import get_setting_edit_handler

    return get_setting_edit_handler(model)


def bound_field_panels(panel):
    """The FieldPanels of a bound edit handler, including those of an inline panel's empty
    form (the one editors get when they add an item)."""
    if isinstance(panel, FieldPanel.BoundPanel):
        yield panel
    for child in getattr(panel, "children", []):
        yield from bound_field_panels(child)
    if isinstance(panel, InlinePanel.BoundPanel):
        yield from bound_field_panels(panel.empty_child)


def field_panels_without_help(model, admin_user):
    request = get_dummy_request()
    request.user = admin_user
    handler = edit_handler_of(model)
    instance = model()
    form_class = handler.get_form_class()
    form = form_class(instance=instance, for_user=admin_user)
    bound = handler.get_bound_panel(instance=instance, form=form, request=request)
    panels = list(bound_field_panels(bound))
    assert panels, f"{model_id(model)} has no field panels"
    return [
        panel.field_name
        for panel in panels
        if panel.field_name not in WAGTAIL_OWN_FIELDS and not str(panel.help_text or "").strip()
    ]


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_MODELS + SETTINGS_MODELS, ids=model_id)
def test_every_field_in_the_edit_form_has_a_help_text(admin_user, model):
    assert field_panels_without_help(model, admin_user) == []


def test_the_walk_covers_pages_snippets_settings_and_inline_items(admin_user):
    """Guards the walk itself: it sees the models and the fields of inline items."""
    from clusterdirectory.models import ClusterPage, IndustryTag, IndustryTagName
    from home.models import HomePage, NetworkContactSettings

    assert {ClusterPage, HomePage} <= set(PAGE_MODELS)
    assert {IndustryTag, IndustryTagName} <= set(SNIPPET_MODELS)
    assert NetworkContactSettings in SETTINGS_MODELS
    request = get_dummy_request()
    request.user = admin_user
    handler = ClusterPage.get_edit_handler()
    form = handler.get_form_class()(instance=ClusterPage(), for_user=admin_user)
    names = {
        panel.field_name
        for panel in bound_field_panels(
            handler.get_bound_panel(instance=ClusterPage(), form=form, request=request)
        )
    }
    assert {"country", "services", "social_image", "partner"} <= names


STREAM_FIELDS = [
    pytest.param(field, id=f"{model_id(model)}.{field.name}")
    for model in PAGE_MODELS
    for field in model._meta.get_fields()
    if isinstance(field, StreamField)
]


def blocks_without_help(block, path):
    """Paths of blocks under ``block`` (itself included) with neither description nor help
    text. Wagtail's ImageBlock is a leaf here: its image, alt text and decorative children
    are Wagtail's own."""
    missing = []
    # A field block's description falls back to its help text; other blocks keep it in meta.
    if not str(block.get_description() or getattr(block.meta, "help_text", "")).strip():
        missing.append(path)
    if isinstance(block, ImageBlock):
        return missing
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            missing += blocks_without_help(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        missing += blocks_without_help(block.child_block, f"{path}.item")
    return missing


@pytest.mark.parametrize("field", STREAM_FIELDS)
def test_every_block_has_a_description_or_help_text(field):
    missing = []
    for name, block in field.stream_block.child_blocks.items():
        missing += blocks_without_help(block, name)
    assert missing == []


def test_a_block_without_help_is_found():
    """Guards the walk: a new StructBlock child without a help text does not slip through."""

    class Undocumented(blocks.StructBlock):
        heading = blocks.CharBlock(help_text="Shown above.")
        caption = blocks.CharBlock()
        items = blocks.ListBlock(blocks.CharBlock())

        class Meta:
            description = "A block."

    assert blocks_without_help(Undocumented(), "new") == [
        "new.caption",
        "new.items",
        "new.items.item",
    ]

import pytest
from wagtail.models import Page, Site

from home.models import HomePage


@pytest.fixture
def home(root_page, locales):
    """A home page at the top of the tree, the site's root, as on the live site."""
    home = Page.get_first_root_node().add_child(instance=HomePage(title="InTra-Net", slug="start"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home

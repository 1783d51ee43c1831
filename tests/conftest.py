import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests.factories import ClusterIndexPageFactory, ClusterPageFactory, make_tags


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    """What ``-n 2`` does (``--dist load``: each test to whichever process is free), except that
    the tests of one class go to one process together: a class sharing the demo
    (``shared_demo_site``) then loads it once. xdist's ``--dist loadgroup`` would do that, but
    pytest 9.2 makes it ignore its marks (pytest-xdist#1386)."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class LoadByClass(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            *scope, _test = nodeid.split("[", 1)[0].split("::")
            return "::".join(scope) if len(scope) > 1 else nodeid

    # Units in the order collected, not largest first: pytest-django runs the tests that
    # flush the database after the ones that expect the migrated rows.
    config.option.loadscopereorder = False
    return LoadByClass(config, log)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits (and later cached pages) live in the cache: start each test without."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "da", "de")
    }


@pytest.fixture
def root_page(db):
    """The page a new Wagtail site starts with: a plain Page, not the host's home page."""
    page = Page.objects.get(depth=2)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.root_page = page
    site.save()
    return page


@pytest.fixture
def moderator(django_user_model):
    """A member of the Moderators group, which approves registrations and profile updates."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "moderator", "moderator@intra-net.example", "moderator-pass"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def cluster_index(root_page, locales):
    return ClusterIndexPageFactory(parent=root_page)


@pytest.fixture
def two_clusters(cluster_index):
    """CEwind (German, wind energy) and Food Cluster (Danish, food)."""
    tags = make_tags("Wind energy", "Food")
    return [
        ClusterPageFactory(
            parent=cluster_index, title="CEwind", country="DE", industries=[tags["wind-energy"]]
        ),
        ClusterPageFactory(
            parent=cluster_index, title="Food Cluster", country="DK", industries=[tags["food"]]
        ),
    ]


@pytest.fixture
def no_page_cache(settings):
    """Whole answers from the page cache would hide what a test looks at under them."""
    settings.PAGE_CACHE_ENABLED = False


def load_demo():
    with translation.override("en"):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo_site():
    """A fresh copy of the whole demo site, for a test that changes it or needs it committed
    (a second load, a backup, the live server). Tests using it need
    ``pytest.mark.django_db(transaction=True, serialized_rollback=True)``: wagtail-localize
    publishes translations when the transaction commits, and the rollback gives later tests
    back the root page that the flush removes. Tests that only read the demo use
    ``shared_demo_site``: one load costs about ten seconds."""
    load_demo()


@pytest.fixture(scope="class")
def _demo_site_of_the_class(request, django_db_setup, django_db_blocker):
    """Loads the demo once for a class of tests and afterwards puts the database back as it
    was before (flush, then the rows saved before the load): the tests after the class never
    see the demo. The load commits, as wagtail-localize needs."""
    from django.db import connection

    if request.cls is None:
        pytest.fail("shared_demo_site is for the tests of one class", pytrace=False)
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
    try:
        with django_db_blocker.unblock():
            load_demo()
        yield
    finally:  # also after a load that failed halfway
        with django_db_blocker.unblock():
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(before)


@pytest.fixture
def shared_demo_site(_demo_site_of_the_class, db):
    """The whole demo site, loaded once for the class of tests that use it: for tests that
    only read it. Each test runs in a transaction that is rolled back (``db``), so what a test
    writes (a user, an unpublished page) reaches no other test. With ``-n``, the tests of a
    class run in one process (``pytest_xdist_make_scheduler``), which loads the demo once."""
    from django.db import connection

    assert connection.in_atomic_block, (
        "shared_demo_site is for tests rolled back in a transaction: not transaction=True"
    )


def translate_page(page, locale):
    """Translate and publish ``page`` (and missing parents) the way wagtail-localize does."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated


def offered_page_types(client, parent):
    """The page types the admin's "add child page" offers under ``parent``; with only one,
    Wagtail goes straight to its create form, with none to the dashboard. Also checks that
    each offered form opens."""
    from django.apps import apps
    from django.urls import resolve, reverse

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[parent.pk]))
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return set()
    if response.status_code == 302:
        match = resolve(response["Location"].split("?")[0])
        assert match.url_name == "add", response["Location"]
        offered = {match.args[:2] if match.args else tuple(match.kwargs.values())[:2]}
    else:
        assert response.status_code == 200
        offered = {(app_label, name) for _, app_label, name, _ in response.context["page_types"]}
    for app_label, name in offered:
        url = reverse("wagtailadmin_pages:add", args=[app_label, name, parent.pk])
        assert client.get(url).status_code == 200, url
    return {apps.get_model(app_label, name) for app_label, name in offered}


@pytest.fixture
def page_test(admin_client):
    """Wagtail's ``WagtailPageTestCase`` assertions (``assertCanCreate``,
    ``assertAllowedSubpageTypes``, ``assertPageIsRenderable``...) for pytest tests.
    Requests go through pytest-django's client, logged in as a superuser."""
    from wagtail.coreutils import get_dummy_request
    from wagtail.test.utils import WagtailPageTestCase

    class PageAssertions(WagtailPageTestCase):
        def runTest(self):
            raise NotImplementedError("Only used for its assertion methods.")

    case = PageAssertions()
    case.client = admin_client
    case.dummy_request = get_dummy_request()
    return case

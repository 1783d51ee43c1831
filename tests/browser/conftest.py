"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Every test here needs ``pytest.mark.django_db(transaction=True, serialized_rollback=True)``:
the live server only sees committed data, and the rollback gives the tests after it back the
locales and root page that the flush removes. Screenshots of failed tests, and the steps they
``snap``, land in ``test-artifacts/browser/``.
"""

import os
import re
import threading
from pathlib import Path

import pytest
import wagtail_factories
from wagtail.models import Page, Site

from clusterdirectory.models import IndustryTagName
from home.models import HomePage, Menu
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory
from tests.menus import make_menu

# Playwright's sync API runs an event loop in the test thread, which Django takes for async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags chromium's own connections fail on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

_page_key = pytest.StashKey()
_steps = {}  # page -> [(step name, PNG bytes)], written out only if its test fails


def file_name(text):
    return re.sub(r"[^\w.-]+", "_", text).strip("_")


def snap(page, name):
    """Keep a full-page screenshot of this step; saved next to the failure screenshot if the
    test fails, discarded otherwise."""
    _steps.setdefault(page, []).append((name, page.screenshot(full_page=True)))


def log_in(page, username, password):
    """Sign in to the Wagtail admin through its login form, as an editor would."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    page = item.stash.get(_page_key, None)
    if report.failed and page is not None and not page.is_closed():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = file_name(item.name)
        for number, (step, png) in enumerate(_steps.get(page, []), start=1):
            (ARTIFACTS / f"{name}--{number:02d}-{file_name(step)}.png").write_bytes(png)
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            report.sections.append(("browser screenshot", f"not saved: {error}"))
    return report


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(
            f"no chromium at {CHROMIUM}: `make test` installs Debian's chromium "
            "(apt-get install chromium), or set CHROMIUM to its path"
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    database_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # While Playwright lives, this thread counts as running an event loop, and Django then
        # hands out other connection objects: without their test set-up (serialized rollback).
        for alias, connection in database_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def one_request_at_a_time(app):
    """Wrap a WSGI app so that requests run one after the other, response body included."""
    lock = threading.Lock()

    def serialized(environ, start_response):
        with lock:
            response = app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    serialized.serialized = True
    return serialized


@pytest.fixture
def page(request, browser, live_server):
    """A fresh browser tab (own cookies) whose relative URLs go to the live server."""
    # The live server's threads share the test's single SQLite connection, and the admin
    # sends requests in parallel (autosave, preview, the form itself): without taking turns
    # they fail with "database table is locked".
    server = live_server.thread.httpd
    if not getattr(server.get_app(), "serialized", False):
        server.set_app(one_request_at_a_time(server.get_app()))
    name = file_name(request.node.name)
    for old in [ARTIFACTS / f"{name}.png", *ARTIFACTS.glob(f"{name}--*.png")]:
        old.unlink(missing_ok=True)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    request.node.stash[_page_key] = page
    yield page
    _steps.pop(page, None)
    context.close()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "InTra-Net"
    slug = "start"


@pytest.fixture
def root_page(db):
    """The site's own home page (menu, language switcher) as the root of the default site,
    instead of the plain page of tests/conftest.py."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.root_page = home
    site.save()
    return home


TAGS = {
    "wind-energy": ("Wind energy", "Vindenergi", "Windenergie"),
    "logistics": ("Logistics", "Logistik", "Logistik"),
    "food": ("Food", "Fødevarer", "Ernährung"),
}
# title, country, industries
CLUSTERS = [
    ("Baltic Wind Logistics", "DE", ["wind-energy", "logistics"]),
    ("CEwind", "DE", ["wind-energy", "logistics"]),
    ("Kiel Offshore Port", "DE", ["wind-energy", "logistics", "food"]),
    ("Offshore Center Denmark", "DK", ["wind-energy", "logistics"]),
    ("Windcomm", "DE", ["wind-energy"]),
    ("LogI-SH", "DE", ["logistics", "food"]),
    ("Food Cluster of Southern Denmark", "DK", ["food"]),
]
INDEX_TITLES = {"da": "Deltagende klynger", "de": "Teilnehmende Cluster"}


@pytest.fixture
def cluster_site(cluster_index, locales):
    """The cluster directory in English, Danish and German, linked from each home page's menu,
    with the clusters of ``CLUSTERS`` and tag names in every language. Returns the English
    index page."""
    tags = {}
    for slug, (en, *translations) in TAGS.items():
        tags[slug] = IndustryTagFactory(name=en, slug=slug)
        source = IndustryTagName.objects.get(tag=tags[slug], locale=locales["en"])
        for code, name in zip(("da", "de"), translations, strict=True):
            translated = source.copy_for_translation(locales[code])
            translated.name = name
            translated.save()

    for code, title in INDEX_TITLES.items():
        translated = translate_page(cluster_index, locales[code])
        translated.title = title
        translated.save_revision().publish()
    # One English header menu: other languages show it with their own pages.
    make_menu(Menu.Placement.HEADER, [(cluster_index, "")])

    for title, country, industries in CLUSTERS:
        cluster = ClusterPageFactory(
            parent=cluster_index,
            title=title,
            country=country,
            industries=[tags[slug] for slug in industries],
        )
        for code in ("da", "de"):
            translate_page(cluster, locales[code])
    return cluster_index

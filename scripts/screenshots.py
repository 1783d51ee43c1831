"""Screenshots of the demo site for the README (`make screenshots`), into docs/screenshots/.

Builds the demo in a throwaway SQLite database with a throwaway superuser, serves it with
runserver on a free loopback port and photographs it with Playwright driving Debian's
chromium, launched as for the browser tests (tests/browser/conftest.py).
"""

import io
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from local_server import free_port, wait_until_served

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 860}
# Longer shots are cut here: a README picture, not the whole page.
MAX_HEIGHT = 1400


def save_png(png, name):
    """Saves a screenshot as a 256-colour PNG: a fraction of the size, the same to the eye."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        image = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        image.save(OUT / name, optimize=True)
    print(f"{OUT.relative_to(ROOT) / name}: {(OUT / name).stat().st_size // 1024} KB")  # noqa: T201


def shoot(page, name, *, down_to=None):
    """The window, or the page from its top down to the end of the element ``down_to``
    selects (at most MAX_HEIGHT)."""
    page.wait_for_load_state("networkidle")
    clip = None
    if down_to:
        bottom = page.locator(down_to).first.evaluate(
            "element => element.getBoundingClientRect().bottom + window.scrollY"
        )
        height = min(round(bottom) + 24, MAX_HEIGHT)
        clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
    save_png(page.screenshot(full_page=clip is not None, clip=clip), name)


def build_demo(username, password):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    get_user_model().objects.create_superuser(username, "", password)


def demo_urls():
    from clusterdirectory.models import ClusterIndexPage, ClusterPage

    index = ClusterIndexPage.objects.get(locale__language_code="de")
    # One of the two profiles the seed gives in full, with two partners across the border.
    cluster = ClusterPage.objects.get(slug="cewind", locale__language_code="en")
    return {
        "index_de": f"{index.url}?tag=wind-energy",
        "cluster": cluster.url,
        "editor": f"/admin/pages/{cluster.pk}/edit/",
    }


def photograph(base_url, urls, username, password):
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, log_in

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=base_url, viewport=VIEWPORT, locale="en")
        page = context.new_page()

        page.goto("/en/")
        shoot(page, "home.png", down_to=".block-cards")

        page.goto(urls["index_de"])
        shoot(page, "cluster-index-de.png", down_to=".directory")

        page.goto(urls["cluster"])
        shoot(page, "cluster-page.png", down_to=".partners")

        log_in(page, username, password)
        page.goto(urls["editor"])
        shoot(page, "page-editor.png")
        browser.close()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    username, password = "screenshots", secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/db.sqlite3"
        os.environ["CACHE_DIR"] = f"{folder}/cache"  # not the cache of `make run`'s database
        os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's event loop, see conftest
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from tests.browser.conftest import CHROMIUM

        if not os.access(CHROMIUM, os.X_OK):
            sys.exit(f"no chromium at {CHROMIUM}: `make browser` installs Debian's")
        build_demo(username, password)
        urls = demo_urls()

        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_served(f"{base_url}/en/", server)
            photograph(base_url, urls, username, password)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""Lighthouse on every public page type in English, Danish and German (`make lighthouse`),
with the desktop and the mobile preset; prints the scores and fails below the targets of
issue 18: accessibility, best practices and SEO 100, performance at least 95 on desktop and
90 on mobile. With ``--each-type-once`` (the step of `make test`): one page of each type,
the three languages in turn, with the mobile preset, whose performance target is the harder.

The demo is built in a throwaway SQLite database and served as in production (gunicorn,
compressed and hashed static files by whitenoise, the page cache, and media as the proxy in
front serves them: lighthouse_wsgi.py) on a free loopback port.
Lighthouse (npm, pinned in package.json) drives Debian's chromium: scripts/lighthouse.mjs.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from local_server import free_port, wait_until_served

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {
    "desktop": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
    "mobile": {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100},
}
LANGUAGES = ("en", "da", "de")
# Pages that ask search engines not to index them (a cluster's contact form, search results):
# Lighthouse's "Page is blocked from indexing" is what they mean to say.
NOT_INDEXED = ("contact form", "search")


def run(args, env):
    subprocess.run(args, env=env, cwd=ROOT, check=True)  # noqa: S603


def page_urls(each_type_once=False):
    """One page of each public type in each language, or with ``each_type_once`` in one
    language, the next for each type: ``[(name, path)]``."""
    from wagtail.models import Page

    from clusterdirectory.models import ClusterIndexPage, ClusterPage

    found = []
    for code in LANGUAGES:
        pages = Page.objects.live().public().filter(locale__language_code=code, depth__gt=1)
        pages = pages.specific()
        seen = set()
        for page in pages.order_by("path"):
            if type(page) in seen:
                continue
            seen.add(type(page))
            # The path: a page's URL is absolute when the site names its host.
            path = urlsplit(page.url).path
            found.append((f"{code} {type(page).__name__}", path))
            if isinstance(page, ClusterIndexPage):
                found.append((f"{code} registration form", path + "register/"))
            if isinstance(page, ClusterPage):
                found.append((f"{code} contact form", path + "contact/"))
        found.append((f"{code} search", f"/{code}/search/?q=wind"))
    if each_type_once:
        kinds = list(dict.fromkeys(name.split(" ", 1)[1] for name, _path in found))
        chosen = {f"{LANGUAGES[n % len(LANGUAGES)]} {kind}" for n, kind in enumerate(kinds)}
        found = [(name, path) for name, path in found if name in chosen]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--each-type-once",
        action="store_true",
        help="one page of each type, the languages in turn, the mobile preset",
    )
    args = parser.parse_args()
    node, chromium = shutil.which("node"), os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    missing = None
    if not node or not (ROOT / "node_modules" / "lighthouse").exists():
        missing = "Lighthouse needs node and `make checkers` (npm ci)."
    elif not Path(chromium).exists():
        missing = f"No chromium at {chromium}: `make browser`."
    if missing and args.each_type_once:  # in `make test`, skipped like the browser tests
        print(f"Lighthouse skipped: {missing}")  # noqa: T201
        return
    if missing:
        sys.exit(missing)
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "CACHE_DIR": str(work / "cache"),
        "BASE_URL": f"http://127.0.0.1:{port}",
        "CHROME_PATH": chromium,
        # No map: its tiles would come from the internet, which a test machine may not reach.
        "MAP_TILE_URL": "",
    }
    env.pop("REDIS_URL", None)
    python = sys.executable
    started = time.monotonic()
    run([python, "manage.py", "migrate", "--no-input", "--verbosity", "0"], env)
    run([python, "manage.py", "load_demo_content"], env)
    run([python, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    presets = ["mobile"] if args.each_type_once else ["desktop", "mobile"]
    urls = [
        {"name": name, "url": f"http://127.0.0.1:{port}{path}", "presets": presets}
        for name, path in page_urls(args.each_type_once)
    ]
    (work / "urls.json").write_text(json.dumps(urls))
    server = subprocess.Popen(  # noqa: S603
        [
            python,
            "-m",
            "gunicorn",
            "scripts.lighthouse_wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_served(f"http://127.0.0.1:{port}/en/", server)
        print(f"Lighthouse on {len(urls)} pages, {' and '.join(presets)}:")  # noqa: T201
        print("preset  perf a11y  bp seo  page")  # noqa: T201
        run(
            [node, "scripts/lighthouse.mjs", str(work / "urls.json"), str(work / "results.json")],
            env,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    results = json.loads((work / "results.json").read_text())
    shutil.rmtree(work, ignore_errors=True)
    below = []
    for result in results:
        targets = TARGETS[result["preset"]]
        if result["name"].endswith(NOT_INDEXED) and result["failed_seo"] == ["is-crawlable"]:
            result["scores"]["seo"] = 100
        for category, score in result["scores"].items():
            if result["error"] or score < targets[category]:
                failed = "".join(f"\n    {audit}" for audit in result["failed"])
                below.append(
                    f"{result['preset']} {result['name']}: {category} {score} < "
                    f"{targets[category]}{failed} {result['error'] or ''}"
                )
                break
    print(f"{len(results)} runs in {time.monotonic() - started:.0f} s.")  # noqa: T201
    if below:
        sys.exit("Below the targets:\n  " + "\n  ".join(below))
    print("Every page meets the targets.")  # noqa: T201


if __name__ == "__main__":
    main()

"""What visitors get: every public page type of the demo site, in English, Danish and German,
passes axe-core (no serious or critical violations) and the Nu HTML checker (vnu, no errors),
and fits a phone 375 px wide without scrolling sideways.

The demo loads once and each page is opened once for all three checks: the English and Danish
ones on a desktop screen, the German ones on a phone's (so axe-core sees both layouts).
axe-core and vnu.jar come from package-lock.json: `make checkers`, a step of `make test`,
installs them with `npm ci`.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from clusterdirectory.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ClusterIndexPage,
    ClusterPage,
    EventIndexPage,
    EventPage,
    NewsPage,
)
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
LANGUAGES = ("en", "da", "de")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# German has the longest words, so its pages are the likeliest to overflow a phone's width.
PHONE_LANGUAGE = "de"
# A cluster the seed gives by name only, whose profile has no contact data or partners.
NAME_ONLY_CLUSTER = "windcomm-sh"


@pytest.fixture
def java():
    """The Java runtime for vnu.jar, once the checkers are installed."""
    if not (AXE.exists() and VNU.exists()):
        if shutil.which("npm") is None:
            pytest.skip("no npm to install axe-core and vnu-jar (apt-get install npm)")
        pytest.fail("axe-core or vnu-jar missing from node_modules: run `make checkers`")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java for the Nu HTML checker (apt-get install default-jre-headless)")
    return java


def first(model, code, **filters):
    pages = model.objects.live().filter(locale__language_code=code, **filters)
    return pages.order_by("path").first()


def public_pages(code, every_standard_page):
    """(URL, whether to submit its form empty, expected status) for every public page type of
    the demo in one language. Standard pages differ by their blocks, not by language: all of
    them, or only the first."""
    index = first(ClusterIndexPage, code)
    cluster = first(ClusterPage, code, slug="alucluster")
    with translation.override(code):
        search_url = reverse("search")
    standard_pages = StandardPage.objects.live().filter(locale__language_code=code)
    standard_pages = standard_pages.order_by("path")[: None if every_standard_page else 1]
    pages = [
        first(HomePage, code).url,
        *(page.url for page in standard_pages),
        index.url,
        f"{index.url}?tag=wind-energy&country=DE",
        f"{index.url}?page=2",
        cluster.url,
        first(ClusterPage, code, slug=NAME_ONLY_CLUSTER).url,
        index.url + index.reverse_subpage("register_thanks"),
        cluster.url + cluster.reverse_subpage("contact_thanks"),
        first(EventIndexPage, code).url,
        first(EventPage, code).url,
        first(NewsPage, code).url,
        first(CaseStudyIndexPage, code).url,
        first(CaseStudyPage, code).url,
        f"{search_url}?q=cluster",
    ]
    forms = [
        index.url + index.reverse_subpage("register"),
        cluster.url + cluster.reverse_subpage("contact"),
    ]
    return [
        *((url, False, 200) for url in pages),
        *((url, False, 200) for url in forms),
        *((url, True, 400) for url in forms),  # the error state after an empty POST
        (f"/{code}/no-such-page/", False, 404),
    ]


def visit(page, url, submit_empty):
    """Open ``url`` (and submit its form empty); returns the response for the page shown."""
    response = page.goto(url)
    if submit_empty:
        with page.expect_response(lambda response: response.request.method == "POST") as post:
            page.locator("form.public-form [type=submit]").click()
        response = post.value
        page.wait_for_load_state()
    return response


def axe_violations(page):
    # Evaluated through the DevTools protocol: a <script> tag added to the page would be
    # refused by the site's Content-Security-Policy, which allows no inline script.
    page.evaluate(AXE.read_text())
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; "
        + ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


def vnu_errors(java, documents, folder):
    """Checks every document in one run of vnu.jar (the JVM is slow to start)."""
    files = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number:03d}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    checked = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *sorted(files)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu reports on stderr, with each file as a file: URL.
    messages = json.loads(checked.stderr)["messages"]
    return [
        f"{files.get(Path(message.get('url', '')).name, message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']}"
        for message in messages
    ]


def test_every_page_type_is_accessible_valid_and_fits_a_phone(page, java, demo_site, tmp_path):
    problems = {"status": [], "axe-core": [], "phone": []}
    documents = {}
    for code in LANGUAGES:
        on_phone = code == PHONE_LANGUAGE
        page.set_viewport_size(PHONE if on_phone else DESKTOP)
        for url, submit_empty, status in public_pages(code, every_standard_page=on_phone):
            name = f"{url} (empty POST)" if submit_empty else url
            response = visit(page, url, submit_empty)
            if response.status != status:
                problems["status"].append(f"{name}: {response.status}, not {status}")
            documents[name] = response.text()
            problems["axe-core"] += [f"{name}: {violation}" for violation in axe_violations(page)]
            if on_phone:
                widths = page.evaluate(
                    "({page: document.documentElement.scrollWidth, window: window.innerWidth})"
                )
                if widths["page"] > widths["window"]:
                    problems["phone"].append(f"{name} scrolls sideways: {widths}")

    problems["vnu"] = vnu_errors(java, documents, tmp_path)
    report = "\n".join(
        f"{check}:\n  " + "\n  ".join(found) for check, found in problems.items() if found
    )
    assert not report, f"{len(documents)} pages checked; problems found:\n{report}"

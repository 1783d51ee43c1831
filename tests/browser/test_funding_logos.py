"""The EU emblem and its reference to the Union are where a visitor lands, without scrolling,
on every public page type of the demo in English, Danish and German, on a phone and on a
desktop, and the emblem is at least as high as any other logo of the header (Commission
Implementing Regulation (EU) No 821/2014, Article 4(3)(a) and 4(5)).

The home pages' views are kept in ``test-artifacts/browser/funding/`` to look at.
"""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import FundingLogo, FundingLogos
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_page_quality import LANGUAGES, public_pages, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
SCREENSHOTS = ARTIFACTS / "funding"
EU_REFERENCE = {
    "en": "European Union",
    "da": "Den Europæiske Union",
    "de": "Europäische Union",
}


def tall_logo():
    """Another funder's logo, higher than wide and than the emblem's file."""
    out = io.BytesIO()
    Image.new("RGB", (300, 900), (200, 16, 46)).save(out, "PNG")
    file = ImageFile(out, name="tall-logo.png")
    return get_image_model().objects.create(title="Tall logo", file=file)


def test_the_eu_emblem_and_its_reference_are_seen_on_landing(page, demo_site):
    funding = FundingLogos.for_site(Site.objects.get(is_default_site=True))
    FundingLogo.objects.create(
        settings=funding, image=tall_logo(), text_en="Another funder", sort_order=1
    )
    problems = []
    for code in LANGUAGES:
        for number, (url, submit_empty, _status) in enumerate(public_pages(code, False)):
            # Loaded on a phone; then a desktop's window, which lays the same page out anew.
            page.set_viewport_size(VIEWPORTS["phone"])
            visit(page, url, submit_empty)
            for name, viewport in VIEWPORTS.items():
                page.set_viewport_size(viewport)
                where = f"{url}{' (empty POST)' if submit_empty else ''} on a {name}"
                problems += landing_problems(page, viewport, EU_REFERENCE[code], where)
                if number == 0:
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=SCREENSHOTS / f"home-{code}-{name}.png")
    assert not problems, "\n".join(problems)


# Where the header's logos are, relative to the window, in one round trip to the browser.
MEASURE = """() => {
    const box = element => element && element.getBoundingClientRect().toJSON();
    const union = document.querySelector(".funding__logo--union");
    return {
        emblem: box(union && union.querySelector(".funding__image")),
        reference: box(union && union.querySelector(".funding__text")),
        text: union ? union.innerText : "",
        heights: [...document.querySelectorAll(".funding__image")].map(i => box(i).height),
    };
}"""


def landing_problems(page, viewport, reference_text, where):
    found = page.evaluate(MEASURE)
    problems = []
    if reference_text not in found["text"]:
        problems.append(f"{where}: the reference reads {found['text']!r}")
    for thing in ("emblem", "reference"):
        if not within(found[thing], viewport):
            problems.append(f"{where}: the {thing} is not in view: {found[thing]}")
    if found["emblem"] and max(found["heights"]) > found["emblem"]["height"]:
        problems.append(f"{where}: a logo is higher than the emblem: {found['heights']}")
    return problems


def within(box, viewport):
    return (
        box is not None
        and box["width"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )

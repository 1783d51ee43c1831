"""The Danish and German gettext catalogues: complete, well-formed and picked up by Django.

The site's catalogue (``locale/``, in LOCALE_PATHS) takes precedence over the plugin's
(``clusterdirectory/locale/``), so a msgid in both is shown with the site's translation.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext, trans_real

LANGUAGES = ("da", "de")
SITE_LOCALE = Path(settings.BASE_DIR) / "locale"
PLUGIN_LOCALE = Path(settings.BASE_DIR) / "clusterdirectory" / "locale"
CATALOGUES = [
    base / lang / "LC_MESSAGES" / "django.po"
    for base in (SITE_LOCALE, PLUGIN_LOCALE)
    for lang in LANGUAGES
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{\s*\w+\s*\}\}")


def catalogue_id(path):
    return str(path.relative_to(settings.BASE_DIR))


def entries(po):
    return [entry for entry in po if not entry.obsolete]


@pytest.fixture(scope="module", autouse=True)
def _compiled():
    """Compile any missing or stale .mo file, the way ``make compilemessages`` does."""
    compiled = False
    for po_path in CATALOGUES:
        mo_path = po_path.with_suffix(".mo")
        if po_path.exists() and (
            not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime
        ):
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled = True
    if compiled:
        # Django caches catalogues per process; forget any loaded before compiling.
        trans_real._translations = {}


@pytest.fixture(params=CATALOGUES, ids=catalogue_id)
def po(request):
    assert request.param.exists(), f"{catalogue_id(request.param)} is missing: run make messages"
    return polib.pofile(str(request.param))


def test_catalogue_is_not_empty(po):
    assert entries(po)


def test_no_untranslated_entries(po):
    assert [entry.msgid for entry in po.untranslated_entries()] == []


def test_no_fuzzy_entries(po):
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy


def test_plural_entries_have_both_forms(po):
    for entry in entries(po):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_placeholders_are_kept(po):
    for entry in entries(po):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            assert sorted(PLACEHOLDER.findall(msgstr)) == expected, entry.msgid


def test_header(po):
    language = Path(po.fpath).parent.parent.name
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("language", LANGUAGES)
def test_shared_msgids_are_translated_alike(language):
    """The site's translation wins for a shared msgid; the plugin's should not read otherwise."""
    site, plugin = (
        {entry.msgid: entry.msgstr for entry in entries(polib.pofile(str(path)))}
        for path in (
            SITE_LOCALE / language / "LC_MESSAGES" / "django.po",
            PLUGIN_LOCALE / language / "LC_MESSAGES" / "django.po",
        )
    )
    differing = {msgid: (site[msgid], plugin[msgid]) for msgid in site.keys() & plugin.keys()}
    assert {k: v for k, v in differing.items() if v[0] != v[1]} == {}


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [
        ("da", "Search", "Søg"),
        ("de", "Search", "Suche"),
        ("da", "No clusters match these filters.", "Ingen klynger passer til disse filtre."),
        ("de", "No clusters match these filters.", "Keine Cluster passen zu diesen Filtern."),
        ("da", "Skip to content", "Gå til indhold"),
        ("de", "Skip to content", "Zum Inhalt springen"),
    ],
)
def test_django_uses_the_catalogues(language, msgid, expected):
    with translation.override(language):
        assert gettext(msgid) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", ["1 klynge", "3 klynger"]), ("de", ["1 Cluster", "3 Cluster"])],
)
def test_template_plurals(language, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} cluster"
        "{% plural %}{{ counter }} clusters{% endblocktranslate %}"
    )
    with translation.override(language):
        assert [template.render(Context({"n": n})) for n in (1, 3)] == expected

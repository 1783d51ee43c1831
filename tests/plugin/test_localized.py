"""Chosen pages shown in the language of the page that links them (``localized.py``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from clusterdirectory.localized import localized_choices, localized_pages
from clusterdirectory.models import ClusterPage
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory


@pytest.fixture
def pages(cluster_index, locales):
    """English clusters: one translated into German, one translated as a draft, one not
    translated, one unpublished, one whose German translation is private."""
    english = {name: ClusterPageFactory(parent=cluster_index, title=name) for name in "ABCDE"}
    german = {name: translate_page(english[name], locales["de"]) for name in "ABE"}
    ClusterPage.objects.get(pk=german["B"].pk).unpublish()
    english["D"].unpublish()
    PageViewRestriction.objects.create(page=german["E"], restriction_type="login")
    return {"en": english, "de": german}


def pks(pages):
    return [page.pk for page in pages]


def test_translations_in_the_editors_order_each_once(pages, locales):
    en, de = pages["en"], pages["de"]
    chosen = [en["C"], en["A"], de["A"], en["B"], en["A"], None]
    assert pks(localized_choices(chosen, locales["de"])) == [de["A"].pk]
    assert pks(localized_choices(chosen, locales["en"].pk)) == [en["C"].pk, en["A"].pk, en["B"].pk]


def test_fallback_shows_untranslated_pages_as_chosen(pages, locales):
    en, de = pages["en"], pages["de"]
    chosen = [en["C"], en["D"], en["A"], en["B"], en["E"]]
    shown = localized_choices(chosen, locales["de"], fallback=True)
    # D is not live; B's translation is a draft and E's private: both are shown as chosen.
    assert pks(shown) == [en["C"].pk, de["A"].pk, en["B"].pk, en["E"].pk]


def test_the_queryset_decides_what_may_be_shown(pages, locales):
    en, de = pages["en"], pages["de"]
    chosen = [en["A"], en["E"]]
    live = ClusterPage.objects.live()
    assert pks(localized_choices(chosen, locales["de"], live)) == [de["A"].pk, de["E"].pk]
    others = live.exclude(translation_key=en["A"].translation_key)
    assert pks(localized_choices(chosen, locales["de"], others)) == [de["E"].pk]


def test_localized_pages_maps_each_chosen_page(pages, locales):
    en, de = pages["en"], pages["de"]
    shown = localized_pages([en["A"], en["C"], en["D"]], locales["de"], fallback=True)
    assert {pk: page.pk for pk, page in shown.items()} == {
        en["A"].pk: de["A"].pk,
        en["C"].pk: en["C"].pk,
    }


def test_one_query_and_none_without_pages(pages, locales):
    chosen = list(pages["en"].values())
    live = ClusterPage.objects.live()
    with CaptureQueriesContext(connection) as captured:
        localized_choices(chosen, locales["de"], live, fallback=True)
        localized_choices([], locales["de"])
        localized_choices([None], locales["de"])
    assert len(captured) == 1

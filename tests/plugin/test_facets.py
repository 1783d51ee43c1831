"""The facet index's bit sets read back as ids, pages of ids and each page's tags."""

from array import array

import pytest
from django.core.paginator import Paginator

from clusterdirectory.facets import TAG, FacetIndex, Tag

WIND, FOOD = Tag(1, "wind-energy", "Wind energy"), Tag(2, "food", "Food")


@pytest.fixture
def index():
    # Pages 10..19 in the listing's order; wind on the even positions, food on 0 and 9.
    wind = sum(1 << position for position in range(0, 10, 2))
    return FacetIndex(
        ordered=array("q", range(10, 20)),
        sets={TAG: {"wind-energy": wind, "food": 1 | 1 << 9}},
        tags=[FOOD, WIND],
        names={1: "Windenergie"},
    )


def test_ids_in_the_listing_order_and_sliced(index):
    wind = index.sets[TAG]["wind-energy"]
    assert index.ids(wind) == [10, 12, 14, 16, 18]
    assert index.ids(wind, 1, 3) == [12, 14]
    assert index.ids(wind, 4, 100) == [18]
    assert index.ids(0) == []


def test_results_page_like_a_list(index):
    wind = index.sets[TAG]["wind-energy"]
    results = index.results_of(wind)
    assert len(results) == 5
    assert list(results) == [10, 12, 14, 16, 18]
    assert results[0] == 10 and results[-1] == 18
    assert results[1:4] == [12, 14, 16] and results[::2] == [10, 14, 18]
    with pytest.raises(IndexError):
        results[5]
    page = Paginator(results, 2).get_page(3)
    assert list(page) == [18] and page.paginator.num_pages == 3
    assert not index.results_of(0)


def test_tags_of_a_page(index):
    assert index.tags_of(10) == [FOOD, WIND]
    assert index.tags_of(11) == []
    assert index.tags_of(19) == [FOOD]
    assert index.tags_of(99) == []  # not in the listing

"""``/api/v3/places/``: where a Danish or German city is, from the list the plugin ships
(``places.py``): the registration form's map starts at the cluster's city."""

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from ...places import find
from .clusters import CountryCode

router = Router(tags=["places"])


class PlaceQuery(Schema):
    city: str = Field(min_length=1, max_length=200, description="The city's name, any spelling.")
    country: CountryCode


class PlaceItem(Schema):
    name: str
    country: str
    latitude: float
    longitude: float


@router.get(
    "/",
    response=PlaceItem,
    url_name="find_place",
    summary="Find a city",
    operation_id="places_find",
)
def find_place(request, query: Query[PlaceQuery]):
    """The place of more than 1,000 inhabitants called ``city`` in ``country`` (the most
    populous of that name), from GeoNames (CC BY 4.0); 404 where none is known."""
    place = find(query.city, query.country)
    if place is None:
        raise HttpError(404, "no place of that name is known in that country")
    return place._asdict()

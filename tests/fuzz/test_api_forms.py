"""The API v3's form endpoints under generated JSON: any value of any type in any field, and
bodies that are not objects. Properties: never a server error; a 4xx always has a message and
stores nothing; a 201 stores exactly one record (none for a filled honeypot)."""

import json

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from clusterdirectory.models import ClusterPage, ClusterRegistration, ContactRequest
from tests.factories import ClusterPageFactory

from .conftest import EXAMPLES
from .test_public_forms import CONTACT_FIELDS, REGISTRATION_FIELDS, industries, rolled_back  # noqa: F401

pytestmark = pytest.mark.django_db

# Any JSON value, as a client with a bug or a bad intent might send it.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=5,
)


def bodies(fields):
    """Mostly the form's fields, some valid, some of another type, some missing or unknown;
    now and then no object at all."""
    field = {name: st.one_of(strategy, strategy, json_values) for name, strategy in fields.items()}
    objects = st.fixed_dictionaries(
        {},
        optional={
            **field,
            "consent": st.one_of(st.just(True), json_values),
            "locale": st.sampled_from(["da", "de", "en", "fr", None, 3]),
            "fax": st.one_of(st.just(""), st.just(""), json_values),
            "colour": json_values,
        },
    )
    return st.one_of(objects, objects, objects, json_values)


def check(url, body, model):
    response = Client().post(url, json.dumps(body), content_type="application/json")
    assert response.status_code in (201, 400, 404, 429), (response.status_code, body)
    data = response.json()
    if response.status_code == 201:
        honeypot = (
            isinstance(body, dict) and isinstance(body.get("fax"), str) and body["fax"].strip()
        )
        assert model.objects.count() == (0 if honeypot else 1)
    else:
        assert data["message"]
        assert model.objects.count() == 0


@given(body=bodies(REGISTRATION_FIELDS))
def test_registration_endpoint_never_fails(body, industries, cluster_index):  # noqa: F811
    EXAMPLES["API registration, generated"] += 1
    with rolled_back():
        check("/api/v3/cluster-registrations/", body, ClusterRegistration)
        if ClusterRegistration.objects.exists():
            assert ClusterPage.objects.count() == 1


@pytest.fixture
def cluster(cluster_index):
    return ClusterPageFactory(
        parent=cluster_index, title="CEwind", country="DE", contact_email="wiese@cewind.example"
    )


@given(body=bodies(CONTACT_FIELDS))
def test_contact_endpoint_never_fails(body, cluster):
    EXAMPLES["API contact, generated"] += 1
    if isinstance(body, dict) and "cluster" not in body:
        body["cluster"] = cluster.pk
    with rolled_back():
        check("/api/v3/contact-requests/", body, ContactRequest)

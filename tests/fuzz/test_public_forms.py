"""The registration, contact and profile update forms under generated input, through the real views.

Properties: never a server error; invalid input stores nothing and comes back escaped; valid
input stores exactly one record (and, for a registration, exactly one draft page in
moderation); nothing typed can inject markup into the form, the draft page or the admin.
"""

import json
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdirectory.models import (
    ClusterPage,
    ClusterRegistration,
    ContactRequest,
    ProfileUpdate,
    Subscription,
)
from tests.factories import ClusterPageFactory, IndustryTagFactory

from .conftest import EXAMPLES, VALID_REGISTRATION_EXAMPLES
from .strategies import hostile_text, visible_text, wrong_value

pytestmark = pytest.mark.django_db

REGISTRATION_FIELDS = {
    "name": visible_text(255),
    "street": visible_text(255),
    "po_box": st.one_of(st.just(""), visible_text(50)),
    "postcode": visible_text(20),
    "city": visible_text(100),
    "country": st.sampled_from(["DE", "DK"]),
    "website": st.sampled_from(
        ["https://cluster.example", "http://xn--strae-oqa.example/a?b=<c>", "cluster.example"]
    ),
    "contact_name": visible_text(255),
    "contact_title": visible_text(255),
    "contact_email": st.emails().filter(lambda e: len(e) <= 254),
    "contact_phone": st.sampled_from(["+49 461 1234567", "+45 20 35 32 55", "+4546112345"]),
    "founded_year": st.integers(1800, 2025).map(str),
    "members_count": st.integers(1, 100_000).map(str),
    "members_description": st.one_of(st.just(""), visible_text(1000)),
    "industry_other": st.one_of(st.just(""), visible_text(100)),
    "focus_areas": visible_text(1000),
    "services": st.one_of(st.just(""), visible_text(2000)),
    "description": st.one_of(st.just(""), visible_text(5000)),
    "consent": st.just("on"),
}
CONTACT_FIELDS = {
    "name": visible_text(200),
    "organisation": st.one_of(st.just(""), visible_text(200)),
    "email": st.emails().filter(lambda e: len(e) <= 254),
    "message": visible_text(5000),
    "consent": st.just("on"),
}


@contextmanager
def rolled_back():
    """Each example starts from the same database and without rate-limit counters."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def post_data(values):
    return {key: value for key, value in values.items() if value is not None}


def assert_no_injected_markup(html):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)  # typed text stays inside the JSON string values
        else:
            assert "alert(1)" not in script.get_text(), script
    for element in soup.find_all(True):
        assert not any(attr.startswith("onerror") for attr in element.attrs), element


# Fields whose typed value is not echoed: choices, checkboxes and the honeypot.
NOT_ECHOED = {"country", "industries", "consent", "fax"}


def assert_typed_values_escaped(html, data):
    """What a visitor typed into text fields comes back in the form escaped, so it is not
    lost."""
    for name, value in data.items():
        if name in NOT_ECHOED:
            continue
        if isinstance(value, str) and value.strip() and "\x00" not in value:
            assert escape(value).strip() in html or escape(value.strip()) in html, value


@pytest.fixture
def industries(db):
    return [IndustryTagFactory(name="Wind energy"), IndustryTagFactory(name="Logistics")]


@pytest.fixture
def register_url(cluster_index):
    return cluster_index.url + "register/"


def _registration_status(data, industries, register_url, admin_client):
    client = Client()
    response = client.post(register_url, post_data(data))
    assert response.status_code in (303, 400), response.status_code
    html = response.content.decode()
    if response.status_code == 400:
        assert ClusterRegistration.objects.count() == 0
        assert ClusterPage.objects.count() == 0
        assert_no_injected_markup(html)
        assert_typed_values_escaped(html, data)
    return response


@settings(max_examples=VALID_REGISTRATION_EXAMPLES)
@given(data=st.fixed_dictionaries(REGISTRATION_FIELDS), chosen=st.sets(st.sampled_from([0, 1])))
def test_valid_registration_creates_one_record_and_one_draft(
    data, chosen, industries, register_url, cluster_index, admin_client
):
    EXAMPLES["registration, valid"] += 1
    data["industries"] = [industries[i].slug for i in sorted(chosen)]
    if not chosen and not data["industry_other"].strip():
        data["industry_other"] = "Maritime"
    with rolled_back():
        response = _registration_status(data, industries, register_url, admin_client)
        assert response.status_code == 303, BeautifulSoup(response.content, "html.parser").select(
            ".errorlist"
        )
        registration = ClusterRegistration.objects.get()
        assert registration.processing_error == ""
        page = ClusterPage.objects.get()
        assert registration.page_id == page.pk
        assert not page.live
        assert page.workflow_states.filter(status="in_progress").count() == 1
        draft = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert draft.status_code == 200
        assert_no_injected_markup(draft.content.decode())
        inspect = admin_client.get(f"/admin/matchpoint/registrations/inspect/{registration.pk}/")
        assert inspect.status_code == 200
        assert_no_injected_markup(inspect.content.decode())


@given(
    data=st.fixed_dictionaries(
        {name: st.one_of(strategy, wrong_value()) for name, strategy in REGISTRATION_FIELDS.items()}
        | {"industries": st.one_of(st.just(["wind-energy"]), wrong_value())}
        | {"fax": st.one_of(st.just(""), st.just(""), hostile_text)}
    )
)
def test_hostile_registration_never_fails_and_stores_all_or_nothing(
    data, industries, register_url, cluster_index, admin_client
):
    EXAMPLES["registration, hostile"] += 1
    with rolled_back():
        response = _registration_status(data, industries, register_url, admin_client)
        if response.status_code == 303:
            spam = bool((data.get("fax") or "").strip())
            assert ClusterRegistration.objects.count() == (0 if spam else 1)
            assert ClusterPage.objects.count() == (0 if spam else 1)


@pytest.fixture
def contact_url(cluster_index):
    cluster = ClusterPageFactory(
        parent=cluster_index, title="CEwind", country="DE", contact_email="wiese@cewind.example"
    )
    return cluster.url + "contact/"


@given(
    data=st.fixed_dictionaries(
        {
            name: st.one_of(strategy, strategy, wrong_value())
            for name, strategy in CONTACT_FIELDS.items()
        }
        | {"fax": st.one_of(st.just(""), st.just(""), hostile_text)}
    )
)
def test_contact_form_never_fails_and_stores_all_or_nothing(data, contact_url):
    EXAMPLES["contact, generated"] += 1
    with rolled_back():
        response = Client().post(contact_url, post_data(data))
        assert response.status_code in (303, 400), response.status_code
        html = response.content.decode()
        if response.status_code == 400:
            assert ContactRequest.objects.count() == 0
            assert_no_injected_markup(html)
            assert_typed_values_escaped(html, data)
        elif data["fax"].strip():
            assert ContactRequest.objects.count() == 0  # the honeypot pretends success
        else:  # a list is read as its last value, as Django's QueryDict.get does
            assert ContactRequest.objects.count() == 1


@pytest.fixture
def update_link(cluster_index, industries):
    from clusterdirectory.profile_updates.links import token_for

    cluster = ClusterPageFactory(
        parent=cluster_index, title="CEwind", country="DE", contact_email="wiese@cewind.example"
    )
    update = ProfileUpdate.objects.create(page=cluster, language_code="en")
    return cluster, f"{cluster.url}update/{token_for(update)}/"


@given(
    data=st.fixed_dictionaries(
        {name: st.one_of(strategy, wrong_value()) for name, strategy in REGISTRATION_FIELDS.items()}
        | {"industries": st.one_of(st.just(["wind-energy"]), wrong_value())}
    )
)
def test_profile_update_never_fails_and_changes_all_or_nothing(data, update_link):
    EXAMPLES["profile update, hostile"] += 1
    cluster, link = update_link
    with rolled_back():
        revisions = cluster.revisions.count()
        response = Client().post(link, post_data(data))
        assert response.status_code in (303, 400), response.status_code
        update = ProfileUpdate.objects.get()
        if response.status_code == 400:
            assert update.used_at is None
            assert cluster.revisions.count() == revisions
            html = response.content.decode()
            assert_no_injected_markup(html)
            assert_typed_values_escaped(html, data)
        else:
            assert update.used_at is not None
            assert cluster.revisions.count() == revisions + 1
            assert ClusterPage.objects.get(pk=cluster.pk).title == "CEwind"  # live unchanged


@given(token=st.text(min_size=1, max_size=300))
def test_any_profile_update_token_is_a_clear_answer(token, update_link):
    EXAMPLES["profile update, tokens"] += 1
    cluster, _link = update_link
    response = Client().get(f"{cluster.url}update/{quote(token, safe='')}/")
    assert response.status_code in (400, 404), response.status_code


FOLLOW_FIELDS = {
    "email": st.emails().filter(lambda e: len(e) <= 254),
    "industries": st.lists(st.sampled_from(["wind-energy", "logistics"]), max_size=2),
    "countries": st.lists(st.sampled_from(["DE", "DK"]), max_size=2),
    "consent": st.just("on"),
}


@given(
    data=st.fixed_dictionaries(
        {
            name: st.one_of(strategy, strategy, wrong_value())
            for name, strategy in FOLLOW_FIELDS.items()
        }
        | {"fax": st.one_of(st.just(""), st.just(""), hostile_text)}
    )
)
def test_follow_form_never_fails_and_stores_all_or_nothing(data, industries, cluster_index):
    EXAMPLES["follow, generated"] += 1
    with rolled_back():
        response = Client().post(cluster_index.url + "follow/", post_data(data))
        assert response.status_code in (303, 400), response.status_code
        if response.status_code == 400:
            assert Subscription.objects.count() == 0
            assert_no_injected_markup(response.content.decode())
        else:
            spam = bool((data.get("fax") or "").strip())
            assert Subscription.objects.count() == (0 if spam else 1)


@given(token=st.text(min_size=1, max_size=300), kind=st.sampled_from(["confirm", "unsubscribe"]))
def test_any_follow_token_is_a_clear_answer(token, kind, cluster_index):
    EXAMPLES["follow, tokens"] += 1
    response = Client().get(f"{cluster_index.url}follow/{kind}/{quote(token, safe='')}/")
    assert response.status_code in (200, 400, 404, 410), response.status_code

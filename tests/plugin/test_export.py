"""The open-data export of the cluster directory: ``<index>/export.csv`` and ``.json``."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from clusterdirectory.spreadsheets import neutralise
from tests.conftest import translate_page
from tests.factories import (
    ClusterIndexPageFactory,
    ClusterPageFactory,
    create_clusters,
    make_tags,
)


@pytest.fixture
def tags(db, locales):
    return make_tags("Wind energy", "Aluminium", german={"wind-energy": "Windenergie"})


@pytest.fixture
def clusters(cluster_index, tags):
    return {
        "alu": ClusterPageFactory(
            parent=cluster_index,
            title="AluCluster",
            po_box="804",
            street="Jernbanegade 27",
            postcode="6000",
            city="Kolding",
            country="DK",
            website="https://www.alucluster.com",
            contact_name="Michael Nedergaard",
            contact_title="Managing Director",
            contact_email="mn@alucluster.com",
            show_contact_email=True,
            contact_phone="+45 2035 3255",
            founded_year=2001,
            members_count=75,
            members_description="Industrial members within the aluminium industry",
            focus_areas="All aspects of industrial use of aluminium.",
            services=[{"type": "service", "value": "Matchmaking"}],
            description="<p>Aluminium, <b>from</b> ore &amp; scrap.</p><p>Second line.</p>",
            industries=[tags["aluminium"]],
        ),
        "awkward": ClusterPageFactory(
            parent=cluster_index,
            title='Wind, "Sea" & Co',
            street="Line one\nLine two",
            city="-Flensburg",
            country="DE",
            contact_name="@admin",
            contact_title="\tTabbed",
            contact_email="secret@example.com",
            show_contact_email=False,
            members_description="\rCarriage",
            focus_areas='=HYPERLINK("http://evil.example","click")',
            founded_note="+1+2",
            services=[
                {"type": "service", "value": "Research; development"},
                {"type": "service", "value": "=1+1"},
            ],
            description="<p>=cmd|' /C calc'!A0</p>",
            industries=[tags["wind-energy"], tags["aluminium"]],
        ),
    }


def export(client, index, extension):
    response = client.get(f"{index.url}export.{extension}")
    assert response.status_code == 200
    return response


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    reader = csv.DictReader(io.StringIO(text[1:], newline=""))
    return reader.fieldnames, list(reader)


def test_csv_is_an_attachment_with_a_header_and_one_row_per_cluster(
    client, cluster_index, clusters
):
    response = export(client, cluster_index, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="clusters-en.csv"'
    header, rows = csv_rows(response)
    assert header[:4] == ["name", "url", "street", "po_box"]
    assert {"contact_email", "industries", "industry_names", "licence"} <= set(header)
    assert [row["name"] for row in rows] == ["AluCluster", 'Wind, "Sea" & Co']
    alu = rows[0]
    assert alu["url"] == f"http://testserver{clusters['alu'].url}"
    assert (alu["po_box"], alu["street"], alu["postcode"], alu["city"]) == (
        "804",
        "Jernbanegade 27",
        "6000",
        "Kolding",
    )
    assert (alu["country"], alu["country_name"]) == ("DK", "Denmark")
    assert (alu["founded_year"], alu["members_count"]) == ("2001", "75")
    assert (alu["industries"], alu["industry_names"]) == ("aluminium", "Aluminium")
    assert alu["services"] == "Matchmaking"
    assert alu["description"] == "Aluminium, from ore & scrap.\nSecond line."
    # A phone number in international format starts with "+": it is neutralised like any.
    assert alu["contact_phone"] == "'+45 2035 3255"


def test_csv_gives_the_email_only_with_consent(client, cluster_index, clusters):
    response = export(client, cluster_index, "csv")
    _header, rows = csv_rows(response)
    assert rows[0]["contact_email"] == "mn@alucluster.com"
    assert rows[1]["contact_email"] == ""
    assert b"secret@example.com" not in response.content


def test_csv_carries_the_licence_on_every_row_and_in_a_link_header(client, cluster_index, clusters):
    cluster_index.open_data_licence = "Datenlizenz Deutschland – Namensnennung – 2.0"
    cluster_index.open_data_licence_url = "https://www.govdata.de/dl-de/by-2-0"
    cluster_index.save_revision().publish()
    response = export(client, cluster_index, "csv")
    _header, rows = csv_rows(response)
    assert {(row["licence"], row["licence_url"]) for row in rows} == {
        ("Datenlizenz Deutschland – Namensnennung – 2.0", "https://www.govdata.de/dl-de/by-2-0")
    }
    assert response["Link"] == '<https://www.govdata.de/dl-de/by-2-0>; rel="license"'


def test_csv_quotes_awkward_values_and_neutralises_formulas(client, cluster_index, clusters):
    _header, rows = csv_rows(export(client, cluster_index, "csv"))
    row = rows[1]
    assert row["name"] == 'Wind, "Sea" & Co'  # commas and quotes survive the round trip
    assert row["street"] == "Line one\nLine two"  # and so do new lines
    assert row["city"] == "'-Flensburg"
    assert row["contact_name"] == "'@admin"
    assert row["contact_title"] == "'\tTabbed"
    assert row["members_description"] == "'\rCarriage"
    assert row["focus_areas"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["founded_note"] == "'+1+2"
    assert row["services"] == "Research; development\n=1+1"
    assert row["description"] == "'=cmd|' /C calc'!A0"
    assert row["industries"] == "aluminium; wind-energy"
    for value in (v for r in rows for v in r.values()):
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+45", "'+45"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
        (2001, 2001),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_only_live_public_clusters_of_this_index(client, root_page, cluster_index, clusters):
    draft = ClusterPageFactory(parent=cluster_index, title="Draft cluster")
    draft.unpublish()
    private = ClusterPageFactory(parent=cluster_index, title="Private cluster")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other = ClusterIndexPageFactory(parent=root_page, slug="other")
    ClusterPageFactory(parent=other, title="Elsewhere")
    _header, rows = csv_rows(export(client, cluster_index, "csv"))
    assert [row["name"] for row in rows] == ["AluCluster", 'Wind, "Sea" & Co']
    data = export(client, cluster_index, "json").json()
    assert [cluster["name"] for cluster in data["clusters"]] == ["AluCluster", 'Wind, "Sea" & Co']


def test_json_structure_licence_and_consent(client, cluster_index, clusters):
    response = export(client, cluster_index, "json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert set(data) == {"licence", "generated_at", "language", "source", "clusters"}
    assert data["licence"] == {
        "name": "Creative Commons Attribution 4.0 (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["language"] == "en"
    assert data["source"] == f"http://testserver{cluster_index.url}"
    assert data["generated_at"][:2] == "20"
    alu, awkward = data["clusters"]
    assert alu["contact"] == {
        "name": "Michael Nedergaard",
        "job_title": "Managing Director",
        "email": "mn@alucluster.com",
        "phone": "+45 2035 3255",
    }
    assert alu["address"]["country_name"] == "Denmark"
    assert alu["industries"] == [{"slug": "aluminium", "name": "Aluminium"}]
    assert awkward["contact"]["email"] is None
    assert b"secret@example.com" not in response.content
    # JSON needs no formula neutralising: the values are as the editors wrote them.
    assert awkward["focus_areas"].startswith("=HYPERLINK")
    assert awkward["services"] == ["Research; development", "=1+1"]
    assert "logo" not in alu and "partner_links" not in alu


def test_german_export_has_german_names(client, cluster_index, clusters, locales):
    german_index = translate_page(cluster_index, locales["de"])
    translate_page(clusters["awkward"], locales["de"])
    with translation.override("de"):
        data = export(client, german_index, "json").json()
        response = export(client, german_index, "csv")
    assert data["language"] == "de"
    assert [cluster["name"] for cluster in data["clusters"]] == ['Wind, "Sea" & Co']
    cluster = data["clusters"][0]
    assert cluster["url"].startswith("http://testserver/de/")
    assert cluster["address"]["country_name"] == "Deutschland"
    assert cluster["industries"] == [
        {"slug": "aluminium", "name": "Aluminium"},  # no German name: the tag's own
        {"slug": "wind-energy", "name": "Windenergie"},
    ]
    assert response["Content-Disposition"] == 'attachment; filename="clusters-de.csv"'
    _header, rows = csv_rows(response)
    assert rows[0]["industry_names"] == "Aluminium; Windenergie"


def test_index_links_both_exports_and_the_licence(client, cluster_index, clusters):
    soup = BeautifulSoup(client.get(cluster_index.url).content, "html.parser")
    links = {a["href"] for a in soup.select(".open-data a")}
    assert {
        f"{cluster_index.url}export.csv",
        f"{cluster_index.url}export.json",
        "https://creativecommons.org/licenses/by/4.0/",
    } == links
    assert soup.select_one('.open-data a[rel="license"]').get_text() == (
        "Creative Commons Attribution 4.0 (CC BY 4.0)"
    )


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_query_count_does_not_grow_with_the_number_of_clusters(
    client, root_page, locales, tags, extension
):
    small = ClusterIndexPageFactory(parent=root_page, slug="small")
    large = ClusterIndexPageFactory(parent=root_page, slug="large")
    create_clusters(small, 3, [tags["wind-energy"], tags["aluminium"]])
    create_clusters(large, 40, [tags["wind-energy"], tags["aluminium"]])
    small_count = _queries(client, f"{small.url}export.{extension}")
    large_count = _queries(client, f"{large.url}export.{extension}")
    assert small_count == large_count
    assert large_count <= 12, large_count

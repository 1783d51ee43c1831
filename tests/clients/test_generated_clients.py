"""Clients generated from the API v3's OpenAPI document, as a front-end developer would make
them: openapi-python-client (PyPI) and openapi-typescript (npm), pinned. Every operation and
schema must come through, without a warning, and the Python client must read the directory
from a running site. Slow (a generator each), so in neither the PostgreSQL pass nor per test:
once per ``make test``."""

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clusterdirectory.models import ClusterRegistration, IndustryTag, IndustryTagName
from tests.conftest import translate_page
from tests.factories import ClusterIndexPageFactory, ClusterPageFactory, make_tags

ROOT = Path(__file__).resolve().parents[2]
REGISTRATION = {
    "locale": "de",
    "name": "Wasserstoff Westküste",
    "street": "Am Hafen 1",
    "postcode": "25746",
    "city": "Heide",
    "country": "DE",
    "website": "https://wasserstoff.example",
    "contact_name": "Jana Peters",
    "contact_title": "Geschäftsführerin",
    "contact_email": "jana@wasserstoff.example",
    "contact_phone": "0481 123456",
    "founded_year": 2018,
    "members_count": 25,
    "industries": ["wind-energy"],
    "focus_areas": "Wasserstoff",
    "consent": True,
}
OPENAPI_TYPESCRIPT = ROOT / "node_modules" / ".bin" / "openapi-typescript"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("no_page_cache"),
]


@pytest.fixture
def openapi_file(client, tmp_path):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    path = tmp_path / "openapi.json"
    path.write_bytes(response.content)
    return path


@pytest.fixture
def directory(root_page, locales):
    """Two clusters in English and German, the tags named in German."""
    index = ClusterIndexPageFactory(parent=root_page)
    tags = make_tags("Wind energy", "Food")
    clusters = [
        ClusterPageFactory(
            parent=index, title="CEwind", country="DE", industries=[tags["wind-energy"]]
        ),
        ClusterPageFactory(
            parent=index, title="Food Cluster", country="DK", industries=[tags["food"]]
        ),
    ]
    translate_page(index, locales["de"])
    for cluster in clusters:
        translate_page(cluster, locales["de"])
    for slug, name in (("wind-energy", "Windenergie"), ("food", "Lebensmittel")):
        IndustryTagName.objects.create(
            tag=IndustryTag.objects.get(slug=slug), locale=locales["de"], name=name
        )
    return clusters


def test_the_python_client_lists_german_wind_energy_clusters_with_facets(
    openapi_file, tmp_path, live_server, directory
):
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"post_hooks": [], "project_name_override": "intranet_client"}))
    generator = Path(sys.executable).with_name("openapi-python-client")
    result = subprocess.run(  # noqa: S603
        [generator, "generate", "--path", openapi_file, "--meta", "none", "--config", config],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output and "WARNING" not in output, output

    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module("intranet_client")
        clusters_list = importlib.import_module("intranet_client.api.clusters.clusters_list")
        api = package.Client(base_url=live_server.url, raise_on_unexpected_status=True)
        listing = clusters_list.sync(
            client=api, locale="de", industry=["wind-energy"], facets="industry,country"
        )
        register = importlib.import_module("intranet_client.api.forms.cluster_registrations_create")
        body_module = importlib.import_module(
            "intranet_client.models.cluster_registrations_create_registration_in"
        )
        body = body_module.ClusterRegistrationsCreateRegistrationIn.from_dict(REGISTRATION)
        created = register.sync_detailed(client=api, body=body)
        refused = register.sync_detailed(
            client=api,
            body=body_module.ClusterRegistrationsCreateRegistrationIn.from_dict(
                {**REGISTRATION, "contact_phone": "abc"}
            ),
        )
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.startswith("intranet_client")]:
            del sys.modules[name]

    assert listing.count == 1
    [cewind] = listing.items
    assert (cewind.title, cewind.locale, cewind.address.country_name) == (
        "CEwind",
        "de",
        "Deutschland",
    )
    assert [(i.slug, i.name) for i in cewind.industries] == [("wind-energy", "Windenergie")]
    assert [(f.slug, f.name, f.count) for f in listing.facets.industry] == [
        ("food", "Lebensmittel", 1),  # choosing it too finds the Danish food cluster
        ("wind-energy", "Windenergie", 1),
    ]
    assert {f.code: f.count for f in listing.facets.country} == {"DE": 1, "DK": 0}

    assert created.status_code == 201, created.content
    registration = ClusterRegistration.objects.get()
    assert (created.parsed.id, registration.language_code) == (registration.pk, "de")
    assert refused.status_code == 400
    assert refused.parsed.errors.additional_properties["contact_phone"][0].startswith(
        "Geben Sie die Telefonnummer"
    )


@pytest.mark.skipif(
    not OPENAPI_TYPESCRIPT.exists(), reason="npm packages not installed (make checkers)"
)
def test_the_typescript_types_cover_every_schema(openapi_file, tmp_path):
    schemas = json.loads(openapi_file.read_text())["components"]["schemas"]
    out = tmp_path / "api.d.ts"
    result = subprocess.run(  # noqa: S603
        [OPENAPI_TYPESCRIPT, openapi_file, "--output", out],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": str(Path(shutil.which("node") or "/usr/bin/node").parent), "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "warn" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    types = out.read_text()
    missing = [name for name in schemas if f"        {name}: " not in types]
    assert missing == []
    assert '"/api/v3/clusters/": {' in types

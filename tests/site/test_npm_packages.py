"""`make run` installs from npm only what running the site needs (`npm ci --omit=dev`: Leaflet
for the map); the checkers, openapi-typescript and Lighthouse are for the tests."""

import json

from django.conf import settings


def read(name):
    return json.loads((settings.BASE_DIR / name).read_text())


def test_running_the_site_needs_only_leaflet_from_npm():
    package, lock = read("package.json"), read("package-lock.json")
    assert list(package["dependencies"]) == ["leaflet"]
    assert {"axe-core", "vnu-jar", "openapi-typescript", "lighthouse"} <= set(
        package["devDependencies"]
    )
    # The lock says the same, so that `npm ci --omit=dev` installs Leaflet and nothing else.
    root = lock["packages"][""]
    assert root["dependencies"] == package["dependencies"]
    assert root["devDependencies"] == package["devDependencies"]
    installed_to_run = [
        path for path, entry in lock["packages"].items() if path and not entry.get("dev")
    ]
    assert installed_to_run == ["node_modules/leaflet"]

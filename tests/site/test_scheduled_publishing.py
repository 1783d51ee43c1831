"""Publishing reaches every cached page and listing at once, by any path: a page scheduled
in the editor goes live (or away) when ``publish_scheduled`` runs, in the same process or
from the command's own process beside the server, as `make run` runs them; publishing
through the API or by approval in a workflow."""

import datetime
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from scripts.local_server import free_port, wait_until_served
from tests.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

API_LISTING = "/api/v3/case-studies/?locale=en"
SOON = datetime.timedelta(seconds=1)


@pytest.fixture
def case_studies(root_page, locales):
    index = CaseStudyIndexPageFactory(parent=root_page)
    CaseStudyPageFactory(parent=index, title="Wind partners")
    return index


def schedule(page, **dates):
    """What the editor's "Publish" does with a go-live or expiry date set: the revision is
    approved for that time, and nothing shows before it."""
    for name, at in dates.items():
        setattr(page, name, at)
    page.save_revision().publish()
    page.refresh_from_db()


def wait_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)


def shown(client, index, page):
    """Whether ``page`` shows on the index, in the API's listing and at its own URL."""
    listing = client.get(index.url)
    api = client.get(API_LISTING)
    own = client.get(page.url)
    assert listing.status_code == api.status_code == 200
    assert own.status_code in (200, 404), page.url
    return {
        "listing": page.title in listing.content.decode(),
        "api": page.title in [item["title"] for item in api.json()["items"]],
        "page": own.status_code == 200,
    }


EVERYWHERE = {"listing": True, "api": True, "page": True}
NOWHERE = {"listing": False, "api": False, "page": False}


def test_a_scheduled_page_goes_live_everywhere_at_once(case_studies):
    client = Client()
    go_live_at = timezone.now() + SOON
    page = CaseStudyPageFactory(parent=case_studies, title="Offshore grid", live=False)
    schedule(page, go_live_at=go_live_at)
    assert not page.live
    assert shown(client, case_studies, page) == NOWHERE
    # The listing and the API are kept in the page cache now.
    assert client.get(case_studies.url).get("X-Cache") == "HIT"
    assert client.get(API_LISTING).get("X-Cache") == "HIT"

    call_command("publish_scheduled", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert shown(client, case_studies, page) == NOWHERE  # not yet time

    wait_until(go_live_at)
    call_command("publish_scheduled", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert shown(client, case_studies, page) == EVERYWHERE


def test_an_expiring_page_goes_away_everywhere_at_once(case_studies):
    client = Client()
    page = CaseStudyPageFactory(parent=case_studies, title="Offshore grid")
    expire_at = timezone.now() + SOON
    schedule(page, expire_at=expire_at)
    assert page.live
    assert shown(client, case_studies, page) == EVERYWHERE
    assert client.get(page.url).get("X-Cache") == "HIT"

    wait_until(expire_at)
    call_command("publish_scheduled", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert shown(client, case_studies, page) == NOWHERE


@pytest.fixture
def draft(case_studies):
    """A case study not published yet, with the listings cached without it."""
    page = CaseStudyPageFactory(parent=case_studies, title="Offshore grid", live=False)
    page.save_revision()
    client = Client()
    assert shown(client, case_studies, page) == NOWHERE
    assert client.get(API_LISTING).get("X-Cache") == "HIT"
    return page


def test_publishing_through_the_api_reaches_every_cached_listing(case_studies, draft):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    _, token = APIToken.create_token(user=editor, name="front end")
    response = Client().post(
        f"/api/v3/pages/{draft.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    assert shown(Client(), case_studies, draft) == EVERYWHERE


def test_publishing_by_approval_in_a_workflow_reaches_every_cached_listing(
    case_studies, draft, moderator
):
    draft.get_workflow().start(draft, moderator)
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert shown(Client(), case_studies, draft) == EVERYWHERE


class Served:
    """The site as `make run` serves it (cms.settings.dev, the page cache on) from a copy of
    the test database: ``runserver`` alone, or ``scripts/run.sh`` (runserver and the scheduled
    jobs); and management commands run beside it."""

    def __init__(self, folder, script=False):
        database = folder / "db.sqlite3"
        with sqlite3.connect(database) as copy:
            connection.ensure_connection()
            connection.connection.backup(copy)
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "REDIS_", "DATABASE_"))
        }
        self.env = {
            **clean,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "CACHE_DIR": str(folder / "cache"),
            "PAGE_CACHE_ENABLED": "1",
            "PY": sys.executable,
        }
        self.base_url = f"http://127.0.0.1:{free_port()}"
        command = ["scripts/run.sh"] if script else [sys.executable, "manage.py", "runserver"]
        self.log = folder / "output.log"
        with self.log.open("w") as log:
            # A session of its own: Ctrl-C reaches its whole process group, as in a terminal.
            self.server = subprocess.Popen(  # noqa: S603
                [*command, "--noreload", self.base_url.removeprefix("http://")],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def get(self, path):
        """``(status, X-Cache, body)`` of an anonymous visitor's request."""
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=30) as response:  # noqa: S310
                return response.status, response.headers.get("X-Cache"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("X-Cache"), error.read().decode()

    def manage(self, *args):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr

    def processes(self):
        """The processes still running in the server's session (itself and what it started)."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and os.getsid(int(entry.name)) == self.server.pid:
                    found.append(int(entry.name))
            except ProcessLookupError:
                pass
        return found

    def press_ctrl_c(self):
        os.killpg(self.server.pid, signal.SIGINT)
        self.server.wait(timeout=30)

    def stop(self):
        if self.processes():
            os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait(timeout=10)


@pytest.fixture
def served(tmp_path):
    started = []
    yield lambda **options: started.append(Served(tmp_path, **options)) or started[0]
    for site in started:
        site.stop()


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="copies the SQLite test database for the server"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_scheduled_in_its_own_process_reaches_the_running_site(root_page, locales, served):
    """The failure seen: the command published, but the server kept its listings."""
    index = CaseStudyIndexPageFactory(parent=root_page)
    CaseStudyPageFactory(parent=index, title="Wind partners")
    go_live_at = timezone.now() + SOON
    page = CaseStudyPageFactory(parent=index, title="Offshore grid", live=False)
    schedule(page, go_live_at=go_live_at)
    expiring = CaseStudyPageFactory(parent=index, title="Harbour logistics")
    schedule(expiring, expire_at=go_live_at)
    page_url = page.get_url()
    site = served()
    wait_until_served(site.base_url + index.url, site.server)

    def shows(title, url):
        listing, api, own = site.get(index.url), site.get(API_LISTING), site.get(url)
        assert listing[0] == api[0] == 200
        return {
            "listing": title in listing[2],
            "api": title in [item["title"] for item in json.loads(api[2])["items"]],
            "page": own[0] == 200,
        }

    assert shows("Offshore grid", page_url) == NOWHERE
    assert shows("Harbour logistics", expiring.url) == EVERYWHERE
    for path in (index.url, API_LISTING, expiring.url):
        assert site.get(path)[1] == "HIT", path

    wait_until(go_live_at)
    site.manage("publish_scheduled")
    assert shows("Offshore grid", page_url) == EVERYWHERE
    assert shows("Harbour logistics", expiring.url) == NOWHERE


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="copies the SQLite test database for the server"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_make_run_publishes_scheduled_pages_and_ctrl_c_stops_everything(root_page, locales, served):
    index = CaseStudyIndexPageFactory(parent=root_page)
    page = CaseStudyPageFactory(parent=index, title="Offshore grid", live=False)
    go_live_at = timezone.now() + SOON
    schedule(page, go_live_at=go_live_at)
    wait_until(go_live_at)
    site = served(script=True)
    wait_until_served(site.base_url + index.url, site.server)

    deadline = time.monotonic() + 60
    while "Offshore grid" not in site.get(index.url)[2]:
        assert time.monotonic() < deadline, site.log.read_text()
        time.sleep(0.5)
    assert site.get(page.get_url())[0] == 200

    site.press_ctrl_c()
    assert site.processes() == []
    log = site.log.read_text()
    assert "publish_scheduled done" in log
    assert "Scheduled jobs stopped." in log

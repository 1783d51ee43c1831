"""``manage.py run_scheduled_jobs``: each recurring job at its interval, once per interval
even when started again, a failing job reported without stopping the others."""

import datetime
import time
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from tests.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

JOBS = ["publish_scheduled", "send_pending_mail", "send_digests", "purge_personal_data"]


def run_once():
    out, err = StringIO(), StringIO()
    call_command("run_scheduled_jobs", "--once", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def scheduled_page(root_page, title):
    """A case study scheduled in the editor to go live in a moment (then waited for)."""
    index = CaseStudyIndexPageFactory(parent=root_page, slug=f"index-{title.lower()}")
    page = CaseStudyPageFactory(parent=index, title=title, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    page.save_revision().publish()
    time.sleep(1.1)
    page.refresh_from_db()
    assert not page.live
    return page


def started(output):
    """The jobs that ran, in order, as the runner logs them ("<date> <time> <command>")."""
    return [
        line.split()[2]
        for line in output.splitlines()
        if len(line.split()) == 3 and line[:4].isdigit()
    ]


def test_once_runs_every_due_job_then_nothing_until_its_interval(root_page, locales):
    page = scheduled_page(root_page, "Offshore")
    out, err = run_once()
    assert started(out) == JOBS, out
    assert not err
    # Each command's own report, in the runner's log.
    assert "Contact requests: 0 sent, 0 failed." in out
    assert "Digests: 0 sent, 0 failed" in out
    assert "Deleted 0 registrations" in out
    page.refresh_from_db()
    assert page.live

    # Started again within the minute (make run restarted, another machine's runner): nothing
    # runs twice, not even publish_scheduled.
    later = scheduled_page(root_page, "Harbour")
    out, _ = run_once()
    assert started(out) == []
    assert "No job is due." in out
    later.refresh_from_db()
    assert not later.live


def test_a_job_runs_again_once_its_interval_has_passed(db):
    with hooks.register_temporarily(
        "register_scheduled_jobs", lambda: [("check", datetime.timedelta(seconds=5))]
    ):
        out, _ = run_once()
        assert started(out) == [*JOBS, "check"]
        assert "check done in" in out
        assert started(run_once()[0]) == []
        time.sleep(5)
        assert started(run_once()[0]) == ["check"]


def test_a_failing_job_is_reported_and_the_others_still_run(db):
    with hooks.register_temporarily(
        "register_scheduled_jobs",
        lambda: [("no_such_command", datetime.timedelta(minutes=1))],
    ):
        out, err = run_once()
    assert started(out) == [*JOBS, "no_such_command"]
    assert "no_such_command failed:" in err
    assert "Unknown command: 'no_such_command'" in err

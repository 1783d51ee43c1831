"""The site's recurring jobs, run by ``manage.py run_scheduled_jobs`` (a process of its own
beside the web server) or by the equivalent cron lines (docs/deployment.md).

Each job is a management command with an interval. Wagtail's ``publish_scheduled`` is one;
apps add theirs with the ``register_scheduled_jobs`` hook: a function returning pairs of a
command's name and a ``timedelta`` (the cluster directory's mail, digests and purge). A
job is due when no run of it is remembered in the cache for its interval: the run is claimed
with ``cache.add`` before it starts, so runners on several machines sharing Redis run each job
once per interval between them, and a restarted runner does not run daily jobs again.
"""

import time
import traceback
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone
from wagtail import hooks


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta

    @property
    def claim_key(self):
        return f"scheduled-job:{self.command}"


# Wagtail's own: pages and snippets go live and expire at the minute they were given.
PUBLISH_SCHEDULED = Job("publish_scheduled", timedelta(minutes=1))


def registered_jobs():
    jobs = [PUBLISH_SCHEDULED]
    for register in hooks.get_hooks("register_scheduled_jobs"):
        jobs.extend(Job(command, every) for command, every in register())
    return jobs


def claim(job):
    """Whether ``job`` is due; if so it counts as run from now until its interval has nearly
    passed: cron starting the runner each minute starts it a little early or late, and a
    minute's job must not wait for the next."""
    every = job.every.total_seconds()
    return cache.add(job.claim_key, timezone.now().isoformat(), timeout=every - min(every / 10, 10))


def run_due_jobs(jobs, stdout, stderr):
    """Runs each due job in turn; a failing job is reported and tried again after its interval.
    Returns the jobs that ran."""
    ran = []
    for job in jobs:
        if not claim(job):
            continue
        ran.append(job)
        started = time.monotonic()
        stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {job.command}")
        fresh_connection()
        try:
            call_command(job.command, stdout=stdout, stderr=stderr)
        except Exception:  # the other jobs still run; this one again after its interval
            stderr.write(f"{job.command} failed:\n{traceback.format_exc()}")
        else:
            stdout.write(f"{job.command} done in {time.monotonic() - started:.1f} s")
        finally:
            fresh_connection()
    return ran


def fresh_connection():
    """A job may run hours after the last: never on a connection the database has closed.
    Not inside a transaction (a caller's, a test's), which closing would end."""
    if not connection.in_atomic_block:
        close_old_connections()

import signal
import threading

from django.core.management.base import BaseCommand

from home.scheduled_jobs import registered_jobs, run_due_jobs

# How often the runner looks for due jobs: publish_scheduled's minute is met within this.
TICK_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Run the site's recurring jobs, each at its interval (publish_scheduled every minute, "
        "send_pending_mail every five minutes, send_digests and purge_personal_data daily), "
        "until stopped by SIGTERM or Ctrl-C. --once runs the jobs that are due and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs that are due, then exit."
        )

    def handle(self, *args, once, **options):
        jobs = registered_jobs()
        if once:
            ran = run_due_jobs(jobs, self.stdout, self.stderr)
            if not ran:
                self.stdout.write("No job is due.")
            return
        stopped = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopped.set())
        self.stdout.write(
            "Running the scheduled jobs: "
            + ", ".join(f"{job.command} (every {job.every})" for job in jobs)
        )
        while not stopped.is_set():
            run_due_jobs(jobs, self.stdout, self.stderr)
            stopped.wait(TICK_SECONDS)
        self.stdout.write("Scheduled jobs stopped.")

from django.core.management.base import BaseCommand

from clusterdirectory.privacy import purge_expired
from clusterdirectory.registration import kept_logo


class Command(BaseCommand):
    help = (
        "Delete registrations and relayed contact requests older than the retention periods "
        'in CLUSTERDIRECTORY["RETENTION_DAYS"], and logos kept for a registration form that '
        "was never sent again. Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(
            f"Deleted {deleted['registrations']} registrations, "
            f"{deleted['contact_requests']} contact requests and "
            f"{deleted['subscriptions']} unconfirmed subscriptions."
        )
        self.stdout.write(f"Deleted {kept_logo.purge_old()} kept logos.")

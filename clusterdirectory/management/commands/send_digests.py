from django.core.management.base import BaseCommand

from ...following.digest import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each confirmed follower what is new in their industries and countries, at "
        "most once per DIGEST_INTERVAL_DAYS, and retry digests that failed. Run it daily "
        "(cron); running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        sent, failed = send_digests()
        message = f"Digests: {sent} sent, {failed} failed (tried again at the next run)."
        self.stdout.write(self.style.WARNING(message) if failed else message)

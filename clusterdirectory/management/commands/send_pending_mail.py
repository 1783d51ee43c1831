from django.core.management.base import BaseCommand

from clusterdirectory.contact.relay import relay_pending as relay_contact_requests
from clusterdirectory.registration.services import retry_pending as finish_registrations

# (what, function returning (sent, failed)): each kind of mail that may wait for a retry.
RETRIES = [
    ("contact requests", relay_contact_requests),
    ("registrations", finish_registrations),
]


class Command(BaseCommand):
    help = "Send the mail that could not be sent when it was due (e.g. the mail server was down)."

    def handle(self, *args, **options):
        for what, retry in RETRIES:
            sent, failed = retry()
            message = f"{what.capitalize()}: {sent} sent, {failed} failed."
            self.stdout.write(self.style.WARNING(message) if failed else message)

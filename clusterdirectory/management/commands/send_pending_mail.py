from django.core.management.base import BaseCommand

from clusterdirectory.contact.relay import relay_pending as relay_contact_requests
from clusterdirectory.profile_updates.services import retry_pending as tell_of_profile_updates
from clusterdirectory.registrant_mail import retry_pending as tell_registrants
from clusterdirectory.registration.services import retry_pending as finish_registrations

# (what, function returning (sent, failed)): each kind of mail that may wait for a retry.
RETRIES = [
    ("contact requests", relay_contact_requests),
    ("registrations", finish_registrations),
    ("profile updates", tell_of_profile_updates),
    ("receipts and outcomes", tell_registrants),
]


class Command(BaseCommand):
    help = "Send the mail that could not be sent when it was due (e.g. the mail server was down)."

    def handle(self, *args, **options):
        for what, retry in RETRIES:
            sent, failed = retry()
            message = f"{what.capitalize()}: {sent} sent, {failed} failed."
            self.stdout.write(self.style.WARNING(message) if failed else message)

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from clusterdirectory.privacy import erase_personal_data, export_personal_data


class Command(BaseCommand):
    help = (
        "Answer a person's request about their data, found by e-mail address: --export writes "
        "everything stored about them as JSON, --erase deletes it (registrations, contact "
        "requests, contact person on cluster pages)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="print the data as JSON")
        action.add_argument("--erase", action="store_true", help="delete the data")

    def handle(self, *args, email, export, erase, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        if export:
            data = export_personal_data(email)
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            done = erase_personal_data(email)
            self.stdout.write(
                f"Erased {done['registrations']} registrations, {done['contact_requests']} "
                f"contact requests, {done['subscriptions']} subscriptions and the contact "
                f"person on {done['cluster_pages']} pages."
            )

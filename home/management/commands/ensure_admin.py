import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from staff.roles import MODERATORS


class Command(BaseCommand):
    help = (
        "Create the local admin account with a generated password, once; it is a moderator "
        "with an e-mail address, so that registrations are announced to someone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")

    def handle(self, *args, username, email, **options):
        users = get_user_model()
        admin = users.objects.filter(username=username).first()
        if admin is None:
            password = secrets.token_urlsafe(12)
            admin = users.objects.create_superuser(
                username=username, email=email, password=password
            )
            message = (
                f"Created admin account. User name: {username}  Password: {password}\n"
                "Sign in at /admin/. This password is not shown again."
            )
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(f"Admin account '{username}' exists; its password was shown once.")
        # Also for an account made before: without, notices of registrations went nowhere.
        if not admin.email:
            admin.email = email
            admin.save(update_fields=["email"])
        admin.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
        self.stdout.write(f"'{username}' is a moderator; notices go to {admin.email}.")

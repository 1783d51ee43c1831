from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and uploaded media into a timestamped archive."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default="backups", help="where to put the archive")

    def handle(self, *args, directory, **options):
        try:
            archive = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive}"))

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from clusterdirectory.every_language import alias_in_every_language, missing_locales
from clusterdirectory.models import ClusterPage


class Command(BaseCommand):
    help = (
        "Give every cluster a page in each language of the site: an alias of its page in the "
        "default language, else of its first page (clusters registered before registrations "
        "made them, or made in the admin in another language). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        default = Locale.get_default()
        sources = {}
        for page in ClusterPage.objects.filter(alias_of__isnull=True).order_by("pk"):
            known = sources.get(page.translation_key)
            if known is None or (page.locale_id == default.pk != known.locale_id):
                sources[page.translation_key] = page
        made = 0
        for page in sources.values():
            missing = missing_locales(page)
            if not missing:
                continue
            languages = ", ".join(locale.language_code for locale in missing)
            self.stdout.write(f"{page.title} ({page.locale.language_code}): {languages}")
            if not dry_run:
                with transaction.atomic():
                    made += len(alias_in_every_language(page))
        self.stdout.write(f"{made} alias(es) made." if not dry_run else "Nothing changed.")

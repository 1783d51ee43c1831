from django.core.management.base import BaseCommand

from home.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the InTra-Net demo site in English, Danish and German (safe to run twice)."

    def handle(self, *args, **options):
        DemoLoader(log=self.stdout.write).load()

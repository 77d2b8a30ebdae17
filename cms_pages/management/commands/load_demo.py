from django.core.management.base import BaseCommand
from wagtail.models import Site

from cms_pages.demo import load_demo_school, read_demo_data


class Command(BaseCommand):
    help = "Load the fictional demo school (safe to run again: it updates, never duplicates)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has a school (used by `make run`).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Site.objects.exists():
            self.stdout.write("A school already exists; the demo school was not loaded.")
            return
        site, created = load_demo_school(read_demo_data())
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo school at {site.hostname}"))

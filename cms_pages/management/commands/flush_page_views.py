"""Writes the page views and searches counted in the shared cache to the database; run it every
few minutes (README: Usage statistics). Counts wait in the cache for three days at most."""

from django.core.management.base import BaseCommand, CommandError

from cms_pages.statistics.flush import flush


class Command(BaseCommand):
    help = "Write the buffered usage statistics (page views, searches) to the database."

    def handle(self, *args, **options):
        written = flush()
        if written is None:
            raise CommandError("Another flush is running; try again later.")
        self.stdout.write(f"Counters written: {written}")

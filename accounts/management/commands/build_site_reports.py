"""Build each school's report on the site's operation for last month (or the month given).

Run on the first day of each month (README, "Site reports"). A school that already has a report
for that month keeps it: running again builds nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from accounts.site_reports.build import build, month_of, previous_month
from accounts.site_reports.models import SiteReport


def parse_month(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError as error:
        raise CommandError(
            f"--month must be a month as YYYY-MM, e.g. 2026-11, not {value!r}"
        ) from error


class Command(BaseCommand):
    help = "Build last month's site report for every school that has none for that month."

    def add_arguments(self, parser):
        parser.add_argument(
            "--month", help="The month to report on, as YYYY-MM (default: last month)."
        )

    def handle(self, *args, month=None, **options):
        start, end = month_of(parse_month(month)) if month else previous_month(timezone.localdate())
        built = 0
        for site in Site.objects.select_related("root_page").order_by("hostname"):
            if SiteReport.objects.filter(site=site, period_start=start, period_end=end).exists():
                continue
            build(site, start, end)
            built += 1
        self.stdout.write(f"{built} reports built for {start:%Y-%m}.")

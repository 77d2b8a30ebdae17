import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from cms_pages.completeness import school_report


class Command(BaseCommand):
    help = (
        "Report, per school and per mandatory disclosure item: present, missing, missing in one "
        "language, expired or not reviewed. Exits with status 1 when anything mandatory is "
        "missing or expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOSTNAME", help="Only this school (default: all)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        sites = Site.objects.order_by("hostname", "port")
        if options["site"]:
            sites = sites.filter(hostname=options["site"].strip().lower())
            if not sites:
                raise CommandError(f"No school with the host name {options['site']}.")
        reports = [school_report(site) for site in sites]
        if options["format"] == "json":
            document = {"schools": [report.as_dict() for report in reports]}
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            for report in reports:
                self.write_text(report)
        if not all(report.is_complete for report in reports):
            raise CommandError("Mandatory disclosures are missing or expired.", returncode=1)

    def write_text(self, report):
        self.stdout.write(self.style.MIGRATE_HEADING(f"{report.site.hostname}:{report.site.port}"))
        for item in report.items:
            style = self.style.SUCCESS if item.is_complete else self.style.ERROR
            self.stdout.write(f"  {item.slug:<13} {style(item.status)}  {item.title}")
            for problem in item.problems:
                self.stdout.write(f"      - {problem}")

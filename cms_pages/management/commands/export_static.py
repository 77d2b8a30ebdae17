from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from cms_pages.export import SiteExporter, check_links, start_paths


class Command(BaseCommand):
    help = "Write a school's public site, in every language, as static files."

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, help="The school's host name")
        parser.add_argument("--output", required=True, help="Folder to write the files into")

    def handle(self, *args, **options):
        sites = Site.objects.filter(hostname=options["site"])
        if not sites.exists():
            known = ", ".join(Site.objects.values_list("hostname", flat=True)) or "none"
            raise CommandError(f"No school with the host name {options['site']} (known: {known}).")
        site = sites.first()
        output = Path(options["output"])
        if output.exists() and not output.is_dir():
            raise CommandError(f"{output} exists and is not a folder.")

        report = SiteExporter(site.hostname, output, port=site.port).export(start_paths())
        broken = report.broken + check_links(output)
        self.stdout.write(
            f"Wrote {len(report.pages)} pages and {len(report.files)} other files "
            f"({report.bytes_written / 1024:.0f} KiB) to {output}"
        )
        for source, link in broken:
            self.stderr.write(f"broken link in {source}: {link}")
        for path in report.server_errors:
            self.stderr.write(f"server error (see the log) at {path}")
        if report.server_errors:
            raise CommandError(f"{len(report.server_errors)} pages answered with a server error.")
        if broken:
            raise CommandError(f"{len(broken)} broken internal links.")
        self.stdout.write(self.style.SUCCESS("No broken internal links."))

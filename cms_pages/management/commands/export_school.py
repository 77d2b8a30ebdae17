"""`manage.py export_school`: one school's pages, records, images and documents in one
archive (schoolsite/backup/school_export.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from schoolsite.backup import encryption, school_export
from schoolsite.backup.media import MediaError, media_root


class Command(BaseCommand):
    help = (
        "Export one school (its pages, records, settings, images and documents) to an archive "
        f"(.tar.gz, or .tar). Encrypted when {encryption.KEY_VARIABLE} is set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The school's host name")
        parser.add_argument("--output", required=True, metavar="FILE")

    def handle(self, *args, **options):
        hostname = options["hostname"].strip().lower()
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            raise CommandError(f"No school with the host name {options['hostname']}.")
        passphrase = encryption.key_from_environment()
        try:
            if passphrase:
                encryption.check_key(passphrase)
            root = media_root()
        except (ValueError, MediaError) as error:
            raise CommandError(str(error)) from None
        output = Path(options["output"])
        try:
            document = school_export.export(site, output, root, passphrase)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        files = sum(name.startswith("media/") for name in document["members"])
        self.stdout.write(
            f"Wrote {output}: the school {site.hostname}, {files} files, "
            f"{'encrypted' if passphrase else 'NOT encrypted'}."
        )
        for name in document["missing_files"]:
            self.stderr.write(f"Missing from the disk, not exported: {name}")

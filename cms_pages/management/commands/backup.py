"""`manage.py backup`: one archive with the database, the uploaded files and a manifest
(schoolsite/backup/). Run it from cron or a systemd timer (README, "Backups")."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schoolsite.backup import archive, database, encryption, retention
from schoolsite.backup.media import MediaError, media_root


class Command(BaseCommand):
    help = (
        "Write a backup archive (database, uploaded files, manifest). Encrypted when "
        f"{encryption.KEY_VARIABLE} is set. With --output-dir the archive is named after the "
        "current time and older archives beyond --keep-daily/--keep-weekly are deleted."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument(
            "--output", metavar="FILE", help="The archive to write (.tar.gz, or .tar: no gzip)"
        )
        where.add_argument("--output-dir", metavar="DIR", help="Write a dated archive here")
        parser.add_argument(
            "--encrypt",
            action="store_true",
            help=f"Require encryption (with the key in {encryption.KEY_VARIABLE}; encryption is "
            "automatic whenever that variable is set)",
        )
        parser.add_argument(
            "--keep-daily",
            type=int,
            metavar="N",
            help="With --output-dir: keep the newest archive of each of the last N days",
        )
        parser.add_argument(
            "--keep-weekly",
            type=int,
            metavar="M",
            help="With --output-dir: keep the newest archive of each of the last M ISO weeks",
        )

    def handle(self, *args, **options):
        daily, weekly = options["keep_daily"], options["keep_weekly"]
        pruning = daily is not None or weekly is not None
        if pruning and not options["output_dir"]:
            raise CommandError("--keep-daily and --keep-weekly go with --output-dir.")
        if any(count is not None and count < 0 for count in (daily, weekly)):
            raise CommandError("--keep-daily and --keep-weekly take a number from 0 up.")
        passphrase = encryption.key_from_environment()
        if options["encrypt"] and not passphrase:
            raise CommandError(f"--encrypt needs the key in {encryption.KEY_VARIABLE}.")
        if passphrase:
            try:
                encryption.check_key(passphrase)
            except ValueError as error:
                raise CommandError(str(error)) from None
        try:
            root = media_root()
        except MediaError as error:
            raise CommandError(str(error)) from None
        if options["output"]:
            output = Path(options["output"])
        else:
            name = retention.archive_name(
                datetime.datetime.now(datetime.UTC), encrypted=bool(passphrase)
            )
            output = Path(options["output_dir"]) / name
        try:
            document = archive.write(output, root, passphrase)
        except database.DatabaseError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        files = sum(name.startswith("media/") for name in document["members"])
        self.stdout.write(
            f"Wrote {output} ({output.stat().st_size} bytes, {document['database_vendor']} "
            f"database, {files} media files, {'encrypted' if passphrase else 'NOT encrypted'})."
        )
        if pruning:
            deleted = retention.prune(output.parent, daily or 0, weekly or 0, keep=output)
            for path in deleted:
                self.stdout.write(f"Deleted {path} (beyond the retention policy).")

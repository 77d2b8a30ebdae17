"""`manage.py restore FILE`: puts a backup archive (manage.py backup) back into an empty
installation, after checking all of it: a damaged, foreign or mismatched archive changes
nothing (schoolsite/backup/archive.py)."""

import tempfile
from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from schoolsite.backup import archive, database, encryption, manifest
from schoolsite.backup.media import (
    PREFIX,
    MediaError,
    installation_contents,
    media_root,
    replace_media,
)


class Command(BaseCommand):
    help = (
        "Restore a backup archive into this installation, which must be empty (migrated, with "
        "no school pages, accounts or uploaded files) unless --force is given. The archive is "
        "checked whole first (manifest, checksums, database kind, migrations); if anything is "
        f"wrong nothing is changed. An encrypted archive needs {encryption.KEY_VARIABLE}."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="FILE")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a non-empty installation: its database and every file in MEDIA_ROOT "
            "become the archive's",
        )

    def handle(self, *args, **options):
        contents = installation_contents()
        if contents and not options["force"]:
            raise CommandError(
                "This installation is not empty (" + ", ".join(contents) + "); restore into a "
                "freshly migrated one, or give --force to replace everything in it."
            )
        try:
            root = media_root()
        except MediaError as error:
            raise CommandError(str(error)) from None
        passphrase = encryption.key_from_environment()
        with tempfile.TemporaryDirectory(prefix="mektep-restore-") as staging:
            staging = Path(staging)
            try:
                document = archive.read(Path(options["archive"]), staging, passphrase)
            except (archive.ArchiveError, manifest.ManifestError) as error:
                raise CommandError(f"{error}\nNothing was changed.") from None
            content = staging / "content"
            try:
                database.load(content / database.member_name())
            except database.DatabaseError as error:
                raise CommandError(
                    f"{error}\nThe database restore failed; the uploaded files were not touched."
                ) from None
            files = replace_media(root, content / PREFIX.rstrip("/"))
        # The page cache (and Wagtail's cached site roots) would otherwise serve what was there.
        cache.clear()
        self.stdout.write(
            f"Restored {options['archive']}: the database (Mektep "
            f"{document.get('mektep_version', '?')}, made {document.get('created', '?')}) and "
            f"{files} media files."
        )

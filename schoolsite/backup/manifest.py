"""What an archive says about itself: format, versions, database, migrations and members.

`restore` compares it with the running installation before touching anything: an archive from
another kind of database, or from code with other migrations, would leave a database the code
cannot read.
"""

import datetime
import tomllib
from importlib import metadata
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "mektep-backup"
FORMAT_VERSION = 1
NAME = "manifest.json"


class ManifestError(Exception):
    """The manifest is missing, malformed, or does not fit this installation."""


def mektep_version() -> str:
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    if pyproject.exists():
        return tomllib.loads(pyproject.read_text())["project"]["version"]
    return metadata.version("mektep")


def applied_migrations() -> list[list[str]]:
    """The (app, name) pairs the current database records as applied, sorted."""
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def build(members: dict[str, dict]) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "mektep_version": mektep_version(),
        "django_version": django.get_version(),
        "wagtail_version": wagtail.__version__,
        "database_vendor": connection.vendor,
        "migrations": applied_migrations(),
        "members": members,
    }


def validate(manifest) -> dict[str, dict]:
    """The manifest's members ({name: {"size", "sha256"}}), if its structure is sound."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ManifestError("This is not a Mektep backup (its manifest names another format).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ManifestError(
            f"The archive's format version {manifest.get('format_version')!r} is not the one "
            f"this Mektep reads ({FORMAT_VERSION})."
        )
    members = manifest.get("members")
    sound = isinstance(members, dict) and all(
        isinstance(entry, dict)
        and isinstance(entry.get("size"), int)
        and entry["size"] >= 0
        and isinstance(entry.get("sha256"), str)
        for entry in members.values()
    )
    migrations = manifest.get("migrations")
    sound = sound and isinstance(migrations, list)
    sound = sound and all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
        for pair in migrations
    )
    if not sound:
        raise ManifestError("The archive's manifest is malformed.")
    return members


def check_fits_this_installation(manifest: dict) -> None:
    vendor = manifest.get("database_vendor")
    if vendor != connection.vendor:
        raise ManifestError(
            f"The archive holds a {vendor} database; this installation uses {connection.vendor}. "
            "Restore it into an installation with the same kind of database."
        )
    archived = {tuple(pair) for pair in manifest["migrations"]}
    current = {tuple(pair) for pair in applied_migrations()}
    if archived != current:
        missing = sorted(archived - current)
        extra = sorted(current - archived)
        lines = [
            f"The archive's migrations differ from this installation's "
            f"(archive: Mektep {manifest.get('mektep_version')}, this: {mektep_version()})."
        ]
        if missing:
            lines.append(
                "Applied in the archive, unknown here (the archive is from newer code): "
                + ", ".join(f"{app}.{name}" for app, name in missing[:10])
            )
        if extra:
            lines.append(
                "Applied here, not in the archive (the archive is from older code): "
                + ", ".join(f"{app}.{name}" for app, name in extra[:10])
            )
        lines.append(
            "Restore with the Mektep version the archive was made with, then upgrade; and run "
            "`manage.py migrate` first if this installation is not migrated."
        )
        raise ManifestError("\n".join(lines))

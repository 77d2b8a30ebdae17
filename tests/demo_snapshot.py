"""The demo school for the live-server tests, loaded once per worker and put back before each.

A live server reads committed data, so its tests cannot share one demo school in a rolled-back
transaction the way the "demo" part does: each test commits, and the database is emptied after
it. Loading the demo again for each took about 7 seconds. Instead the first test loads it with
`load_demo` and takes a copy of what that committed, the database's rows and the files written
to MEDIA_ROOT; each later test starts from that copy, exactly as `load_demo` left it:
- SQLite (an in-memory test database): the sqlite3 backup API copies the whole database to a
  second in-memory database, and back (milliseconds);
- PostgreSQL: each non-empty table is copied to a schema of its own in the same test database
  (`CREATE TABLE ... AS TABLE`); to put it back, the tables are emptied (the content types and
  permissions that the flush's post-migrate handlers made again) and filled with
  `INSERT ... SELECT`, then the sequences are set past the largest ids, as `loaddata` does.
  Foreign keys are checked at commit.
The files a test wrote to MEDIA_ROOT are deleted, and the demo's files it deleted or changed
are copied back.
"""

import io
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "demo_snapshot"


class DemoSnapshot:
    """`load_demo`'s result, taken once (`load`) and put back (`restore`) in an empty database."""

    def __init__(self):
        self.database = None  # SQLite: an in-memory copy; PostgreSQL: the tables copied
        self.media = Path(settings.MEDIA_ROOT)
        self.media_copy = Path(tempfile.mkdtemp(prefix="mektep-demo-media-"))
        self.files: dict[str, tuple[int, int]] = {}  # path in MEDIA_ROOT: (size, mtime)
        self.kept: set[str] = set()  # the files earlier tests left, which are not this one's

    @property
    def taken(self) -> bool:
        return self.database is not None

    def load(self):
        self.kept = set(media_files(self.media))
        call_command("load_demo", stdout=io.StringIO())
        self.database = copy_database()
        for name in set(media_files(self.media)) - self.kept:
            target = self.media_copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.media / name, target)
            self.files[name] = file_stamp(self.media / name)

    def restore(self):
        restore_database(self.database)
        for name, stamp in media_files(self.media).items():
            if name not in self.files and name not in self.kept:
                os.remove(self.media / name)
            elif name in self.files and stamp != self.files[name]:
                shutil.copy2(self.media_copy / name, self.media / name)
        for name in self.files:
            if not (self.media / name).exists():
                (self.media / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.media_copy / name, self.media / name)


def media_files(root: Path) -> dict[str, tuple[int, int]]:
    files = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            files[str(path.relative_to(root))] = file_stamp(path)
    return files


def file_stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def copy_database():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        copied = []
        for table in connection.introspection.django_table_names(only_existing=True):
            name = connection.ops.quote_name(table)
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {name})")
            if cursor.fetchone()[0]:
                cursor.execute(f"CREATE TABLE {SCHEMA}.{name} AS TABLE {name}")
                copied.append(name)
    return copied


def restore_database(database):
    """Puts the copy back in place of what the database holds: the last test's flush emptied
    it, then ran the post-migrate handlers, which made content types and permissions again."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        database.backup(connection.connection)
    else:
        tables = connection.introspection.django_table_names(only_existing=True)
        models = apps.get_models(include_auto_created=True)
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(no_style(), tables):
                cursor.execute(statement)
            for name in database:
                cursor.execute(f"INSERT INTO {name} SELECT * FROM {SCHEMA}.{name}")
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    # The content types the flush made again are cached with their new ids.
    ContentType.objects.clear_cache()

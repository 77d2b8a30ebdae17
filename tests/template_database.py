"""Test databases copied from a migrated template instead of migrated each time.

`make test` runs three pytest sessions (tests/conftest.py, MEKTEP_TEST_PART) with two xdist
workers each, and every worker used to run all migrations (about 17 s of CPU) on its own empty
database: six times per run. Now the first worker that migrates keeps a copy (a file under
var/test-databases/ for SQLite, a template database for PostgreSQL) and every later test database
is a copy of it: SQLite's online backup into the in-memory database, PostgreSQL's
`CREATE DATABASE … TEMPLATE`.

A copy is only used when it was made from the same schema: its name carries a digest of every
migration file and of every model's table and columns, so a new or edited migration (or a
changed translated field) makes a new template. Project code that a data migration imports is
not in the digest (only cms_pages 0005 does, for file names); delete var/test-databases/ after
changing such code. Only the test session uses this; `migrate` is unchanged.
"""

import hashlib
import os
import sqlite3
import sys
import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.migrations.loader import MigrationLoader

SQLITE_TEMPLATES = Path(settings.BASE_DIR) / "var" / "test-databases"
POSTGRES_PREFIX = "mektep_test_template_"

_django_create_test_db = BaseDatabaseCreation.create_test_db


def schema_digest() -> str:
    """What a migrated test database holds depends on: the migrations and the models."""
    digest = hashlib.sha256()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(loader.disk_migrations):
        module = sys.modules[loader.disk_migrations[key].__module__]
        digest.update(repr(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    for model in sorted(apps.get_models(), key=lambda model: model._meta.label):
        columns = [field.column for field in model._meta.local_concrete_fields]
        digest.update(repr((model._meta.db_table, columns)).encode())
    digest.update(repr(settings.LANGUAGES).encode())
    return digest.hexdigest()[:16]


def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
    """Django's `create_test_db`, with the migrations replaced by a copy when one exists."""
    vendor = self.connection.vendor
    if keepdb or vendor not in ("sqlite", "postgresql") or not is_memory_or_server(self):
        return _django_create_test_db(self, verbosity, autoclobber, serialize, keepdb)
    digest = schema_digest()
    name = self._get_test_db_name()
    if not copy_template(self, vendor, digest, name):
        name = _django_create_test_db(self, verbosity, autoclobber, serialize=False)
        keep_template(self, vendor, digest, name)
    if serialize:
        self.connection._test_serialized_contents = self.serialize_db_to_string()
    return name


def is_memory_or_server(creation) -> bool:
    # An SQLite test database in a file of its own (TEST NAME) keeps Django's way.
    if creation.connection.vendor == "sqlite":
        return creation.is_in_memory_db(creation._get_test_db_name())
    return True


def copy_template(creation, vendor: str, digest: str, name: str) -> bool:
    connection = creation.connection
    if vendor == "sqlite":
        template = SQLITE_TEMPLATES / f"{digest}.sqlite3"
        if not template.exists():
            return False
        use_test_database(creation, name)
        connection.ensure_connection()
        source = sqlite3.connect(template)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        template = POSTGRES_PREFIX + digest
        quote = connection.ops.quote_name
        for attempt in range(5):
            try:
                with creation._nodb_cursor() as cursor:
                    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
                    if cursor.fetchone() is None:
                        return False
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
                    cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
                break
            except DatabaseError:
                # Another worker copying the same template at this moment: try again shortly.
                if attempt == 4:
                    return False
                time.sleep(0.5)
        use_test_database(creation, name)
    call_command("createcachetable", database=connection.alias)
    connection.ensure_connection()
    return True


def use_test_database(creation, name: str) -> None:
    """What Django's `create_test_db` does once the database exists."""
    connection = creation.connection
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def keep_template(creation, vendor: str, digest: str, name: str) -> None:
    """Saves the just-migrated test database as the template; a worker that lost the race to
    another one keeps the other's."""
    connection = creation.connection
    if vendor == "sqlite":
        SQLITE_TEMPLATES.mkdir(parents=True, exist_ok=True)
        partial = SQLITE_TEMPLATES / f"{digest}.{uuid.uuid4().hex}.partial"
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        os.replace(partial, SQLITE_TEMPLATES / f"{digest}.sqlite3")
        for old in SQLITE_TEMPLATES.glob("*.sqlite3"):
            if old.stem != digest:
                old.unlink(missing_ok=True)
        return
    template = POSTGRES_PREFIX + digest
    quote = connection.ops.quote_name
    connection.close()  # PostgreSQL copies only a database nobody is connected to
    try:
        with creation._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                [POSTGRES_PREFIX + "%", template],
            )
            for (old,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(old)}")
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(name)}")
    except DatabaseError:
        pass  # another worker made it (or is using an old one): the next session copies
    connection.ensure_connection()


def install() -> None:
    BaseDatabaseCreation.create_test_db = create_test_db

"""The database's part of a backup: a consistent copy out, and the copy put back in.

SQLite is copied with its online backup API, never by copying the live file: the file may be
mid-transaction and its write-ahead log holds the latest commits. The same API works on the
on-disk production database and on the test suite's in-memory one. PostgreSQL is dumped with
`pg_dump --format=custom` and restored with `pg_restore`; the password goes through PGPASSWORD,
never the command line, where other users of the server could read it.
"""

import os
import sqlite3
import subprocess

from django.contrib.contenttypes.models import ContentType
from django.db import connection

SUPPORTED_VENDORS = ("sqlite", "postgresql")


class DatabaseError(Exception):
    """pg_dump or pg_restore failed, or the database is of an unsupported kind."""


def member_name() -> str:
    return "database/postgresql.dump" if connection.vendor == "postgresql" else "database/sqlite3"


def dump(path) -> None:
    """Writes a copy of the current database to `path`."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    elif connection.vendor == "postgresql":
        run(["pg_dump", "--format=custom", "--no-password", f"--file={path}"])
    else:
        raise DatabaseError(f"Backups of a {connection.vendor} database are not supported.")


def load(path) -> None:
    """Replaces everything in the current database with the copy at `path`."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            # One step: the copy replaces the database in one transaction, or not at all.
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise DatabaseError(f"SQLite could not restore the database: {error}") from None
        finally:
            source.close()
    else:
        # A fresh connection afterwards: the tables this one knew are dropped and made again.
        connection.close()
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--no-password",
                path,
            ]
        )
    # Content type ids are cached per process; the restored table may number them otherwise.
    ContentType.objects.clear_cache()


def run(command: list) -> None:
    command = [*command, *connection_arguments()]
    try:
        result = subprocess.run(
            command, env=client_environment(), capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise DatabaseError(
            f"{command[0]} is not installed (on Debian: apt install postgresql-client)."
        ) from None
    if result.returncode != 0:
        raise DatabaseError(f"{command[0]} failed: {result.stderr.strip()}")


def connection_arguments() -> list[str]:
    settings = connection.settings_dict
    arguments = [f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        arguments.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        arguments.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        arguments.append(f"--username={settings['USER']}")
    return arguments


def client_environment() -> dict:
    settings = connection.settings_dict
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings["PASSWORD"])
    options = settings.get("OPTIONS") or {}
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if options.get(option):
            environment[variable] = str(options[option])
    return environment

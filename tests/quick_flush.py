"""PostgreSQL empties the test database with DELETE instead of TRUNCATE between tests.

Tests that commit (live server, transactional) are followed by Django's `flush`, which on
PostgreSQL truncates every table in one statement: a new file for each of the ~110 tables and
their indexes, 1 to 5 seconds each time, whereas the tables hold a few hundred rows. DELETE
empties them in milliseconds. Foreign keys are checked when the flush's transaction commits,
once every table is empty. A flush that must also restart the sequences keeps TRUNCATE's
RESTART IDENTITY. Only the test session is changed; `manage.py flush` is not.
"""

from django.db.backends.postgresql.operations import DatabaseOperations

_truncate = DatabaseOperations.sql_flush


def _delete(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or allow_cascade:
        return _truncate(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    keyword = style.SQL_KEYWORD("DELETE FROM")
    return [f"{keyword} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]


def use_delete_to_flush():
    DatabaseOperations.sql_flush = _delete

"""A visitor's search query as words the database search backends can take.

Wagtail's database backends split a query into terms at white space (PostgreSQL also at hyphens)
and quote each term for the database: SQLite's full-text MATCH cannot parse a term with a double
quote in it, PostgreSQL refuses a NUL, and a query without any term breaks both. So the site
search and the API search hand them words only: control characters, double quotes and hyphens
become spaces. A query left without words finds nothing; the visitor still sees it as typed.
"""

import re

from .control_characters import strip_control_characters

MAX_QUERY_LENGTH = 200
SEPARATORS = re.compile(r'[\x00-\x1f\x7f-\x9f"\-]+')


def visible_query(raw: str) -> str:
    """The query as the visitor typed it, for showing back: one line, no control characters."""
    return strip_control_characters(raw, multiline=False).strip()[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> str:
    """The words of `query` separated by single spaces; empty when it has none."""
    return " ".join(SEPARATORS.sub(" ", query).split())

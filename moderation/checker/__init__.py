"""Prohibited-content checker for school website texts (plain Python, no Django).

``check(text, lang)`` returns a :class:`CheckResult` with a verdict (accept, review or
reject) and the findings behind it; ``find_discrepancies(text, facts)`` compares what a text
says about the school with its records. Rules live in ``moderation/rules/*.yaml``.
"""

from __future__ import annotations

from functools import cache

from .consistency import SchoolFacts, find_discrepancies
from .engine import Checker
from .normalize import Normalized, normalize
from .result import CheckResult, Finding
from .rules import CATEGORIES, Rule, RuleError, load_rules

__all__ = [
    "CATEGORIES",
    "CheckResult",
    "Checker",
    "Finding",
    "Normalized",
    "Rule",
    "RuleError",
    "SchoolFacts",
    "check",
    "default_checker",
    "find_discrepancies",
    "load_rules",
    "normalize",
]


@cache
def default_checker() -> Checker:
    """The checker for the bundled rules, compiled once per process."""
    return Checker(load_rules())


def check(text: str, lang: str | None = None) -> CheckResult:
    """Check ``text`` (written in ``lang``: "ky", "ru" or ``None`` for either)."""
    return default_checker().check(text, lang)

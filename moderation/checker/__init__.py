"""Prohibited-content checker for school website texts (plain Python, no Django).

``check(text, lang)`` returns a :class:`CheckResult` with a verdict (accept, review or
reject) and the findings behind it; ``find_discrepancies(text, facts)`` compares what a text
says about the school with its records. Rules live in ``moderation/rules/*.yaml``.
"""

from __future__ import annotations

from functools import cache

from .classifier import MODEL_PATH, Classifier
from .consistency import SchoolFacts, find_discrepancies
from .engine import Checker
from .markup import blank_markup
from .normalize import Normalized, normalize
from .result import CheckResult, Finding, verdict_for
from .rules import CATEGORIES, Rule, RuleError, load_rules

__all__ = [
    "CATEGORIES",
    "CheckResult",
    "Checker",
    "Classifier",
    "Finding",
    "Normalized",
    "Rule",
    "RuleError",
    "SchoolFacts",
    "check",
    "default_checker",
    "default_classifier",
    "find_discrepancies",
    "load_rules",
    "normalize",
]


@cache
def default_checker() -> Checker:
    """The checker for the bundled rules, compiled once per process."""
    return Checker(load_rules())


@cache
def default_classifier() -> Classifier | None:
    """The learned second opinion, loaded once per process (``None`` before it is trained;
    the tests require the trained model to be there)."""
    return Classifier.load() if MODEL_PATH.exists() else None


def check(text: str, lang: str | None = None) -> CheckResult:
    """Check ``text`` (written in ``lang``: "ky", "ru" or ``None`` for either).

    The rules decide first. Unless they reject, the classifier reads the text too: it sends a
    text the rules accept to a moderator when it reads like prohibited content, and rejects one
    it is very sure of (whether or not the rules had flagged it for review).
    """
    text = blank_markup(text)
    result = default_checker().check(text, lang)
    if result.verdict == "reject":
        return result
    classifier = default_classifier()
    finding = classifier.finding(text, lang) if classifier else None
    if finding is None or (finding.action == "review" and result.verdict == "review"):
        return result
    findings = [*result.findings, finding]
    return CheckResult(verdict=verdict_for(findings), findings=findings)

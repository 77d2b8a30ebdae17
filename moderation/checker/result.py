"""Result types returned by the checker and the consistency check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("accept", "review", "reject")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text; ``start``/``end`` index the original text."""

    rule_id: str
    category: str
    action: str
    start: int
    end: int
    excerpt: str
    message: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "action": self.action,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": dict(self.message),
        }


def verdict_for(findings: list[Finding]) -> str:
    """``reject`` if any finding rejects, else ``review`` if any asks for it, else ``accept``."""
    actions = {finding.action for finding in findings}
    if "reject" in actions:
        return "reject"
    return "review" if "review" in actions else "accept"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict for a text and the findings behind it."""

    verdict: str
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}

"""Evaluate the prohibited-content checker on a labelled set.

Usage (from the repository root)::

    .venv/bin/python benchmarks/checker_eval.py [path/to/eval.jsonl]

Prohibited items are the positive class; an item counts as flagged when the verdict is not
``accept``. Prints precision and recall per category and per language, the share of benign
items flagged (false-positive rate) and the throughput in texts per second.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from moderation.checker import check, default_checker  # noqa: E402

DEFAULT_PATH = ROOT / "tests" / "data" / "moderation_eval.jsonl"
TARGET_SECONDS = 1.5


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "-"


@dataclass
class Counts:
    """Prohibited items (and how many were flagged) and flagged items (and how many benign)."""

    prohibited: int = 0
    caught: int = 0
    flagged: int = 0
    false_alarms: int = 0

    def row(self, name: str) -> str:
        precision = _ratio(self.flagged - self.false_alarms, self.flagged)
        recall = _ratio(self.caught, self.prohibited)
        return f"{name:<16} {self.prohibited:>10} {self.flagged:>8} {precision:>9} {recall:>7}"


def report(items: list[dict]) -> list[str]:
    """Precision and recall per category and per language, and the benign false-positive rate.

    Recall of a category is the share of its prohibited items that were flagged. Precision of
    a category is the share of items with a finding of that category that are prohibited
    (by any category); precision of a language is the share of its flagged items that are
    prohibited.
    """
    categories: dict[str, Counts] = defaultdict(Counts)
    languages: dict[str, Counts] = defaultdict(Counts)
    overall = Counts()
    benign = 0
    for item in items:
        result = check(item["text"], item["lang"])
        flagged = result.verdict != "accept"
        prohibited = item["label"] == "prohibited"
        benign += not prohibited
        for counts in (languages[item["lang"]], overall):
            counts.prohibited += prohibited
            counts.caught += prohibited and flagged
            counts.flagged += flagged
            counts.false_alarms += flagged and not prohibited
        if prohibited:
            categories[item["category"]].prohibited += 1
            categories[item["category"]].caught += flagged
        for category in {f.category for f in result.findings}:
            categories[category].flagged += 1
            categories[category].false_alarms += not prohibited
    lines = [f"{'group':<16} {'prohibited':>10} {'flagged':>8} {'precision':>9} {'recall':>7}"]
    lines.extend(categories[name].row(name) for name in sorted(categories))
    lines.append("-" * 54)
    lines.extend(languages[name].row(f"lang={name}") for name in sorted(languages))
    lines.append(overall.row("overall"))
    fpr = _ratio(overall.false_alarms, benign)
    lines.append(f"false-positive rate on benign items: {fpr} ({overall.false_alarms}/{benign})")
    return lines


def throughput(items: list[dict]) -> str:
    """Texts per second over the set, repeated until about TARGET_SECONDS have passed."""
    checker = default_checker()
    texts = [(item["text"], item["lang"]) for item in items]
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < TARGET_SECONDS:
        for text, lang in texts:
            checker.check(text, lang)
        done += len(texts)
    elapsed = time.perf_counter() - start
    return f"throughput: {done / elapsed:,.0f} texts/s ({done} checks in {elapsed:.2f} s)"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    started = time.perf_counter()
    default_checker()
    print(f"rules compiled in {time.perf_counter() - started:.2f} s")
    items = load(path)
    print(f"{len(items)} items from {path}")
    for line in report(items):
        print(line)
    print(throughput(items))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

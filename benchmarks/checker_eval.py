"""Evaluate the prohibited-content checker on labelled sets.

Usage (from the repository root)::

    .venv/bin/python benchmarks/checker_eval.py [path/to/eval.jsonl ...]

Without arguments it evaluates the project's own set (``tests/data/moderation_eval.jsonl``)
and, when it exists, the shared validation set ``../shared/data/moderation-dev.jsonl``
(resolved from the repository root's parent; written outside the project, so it shows how
the rules generalise - never tune rules to its items). The project set labels items with
``label`` (prohibited | benign), the shared set with ``expect`` (block | pass).

For each set it prints, overall, per language and per category: the share of prohibited
items caught (verdict not ``accept``), the share rejected outright, and the false-alarm
share of benign items (verdict not ``accept``); then the throughput in texts per second.
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

PROJECT_SET = ROOT / "tests" / "data" / "moderation_eval.jsonl"
SHARED_SET = ROOT.parent / "shared" / "data" / "moderation-dev.jsonl"
TARGET_SECONDS = 1.5
MIN_THROUGHPUT = 2000


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_prohibited(item: dict) -> bool:
    """Both label schemes: ``label`` prohibited|benign and ``expect`` block|pass."""
    if "label" in item:
        return item["label"] == "prohibited"
    return item["expect"] == "block"


def _share(numerator: int, denominator: int) -> str:
    if not denominator:
        return "       -"
    return f"{numerator:>3}/{denominator:<3} {numerator / denominator:.2f}"


@dataclass
class Counts:
    prohibited: int = 0
    caught: int = 0
    rejected: int = 0
    benign: int = 0
    false_alarms: int = 0

    def add(self, prohibited: bool, verdict: str) -> None:
        if prohibited:
            self.prohibited += 1
            self.caught += verdict != "accept"
            self.rejected += verdict == "reject"
        else:
            self.benign += 1
            self.false_alarms += verdict != "accept"

    def row(self, name: str) -> str:
        return (
            f"{name:<22} {_share(self.caught, self.prohibited):>14}"
            f" {_share(self.rejected, self.prohibited):>14}"
            f" {_share(self.false_alarms, self.benign):>14}"
        )


def report(items: list[dict]) -> list[str]:
    """Caught, rejected and false-alarm shares overall, per language and per category.

    A benign item counts under its own category name too (the project set files benign items
    under categories such as ``benign-sport``; the shared set under the topic they touch).
    """
    overall = Counts()
    languages: dict[str, Counts] = defaultdict(Counts)
    categories: dict[str, Counts] = defaultdict(Counts)
    for item in items:
        verdict = check(item["text"], item["lang"]).verdict
        prohibited = is_prohibited(item)
        for counts in (overall, languages[item["lang"]], categories[item["category"]]):
            counts.add(prohibited, verdict)
    header = f"{'group':<22} {'caught':>14} {'rejected':>14} {'false alarms':>14}"
    lines = [header, overall.row("overall")]
    lines.extend(languages[name].row(f"lang={name}") for name in sorted(languages))
    lines.append("-" * len(header))
    lines.extend(categories[name].row(name) for name in sorted(categories))
    return lines


def throughput(items: list[dict]) -> float:
    """Texts per second over ``items``, repeated until about TARGET_SECONDS have passed."""
    checker = default_checker()
    texts = [(item["text"], item["lang"]) for item in items]
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < TARGET_SECONDS:
        for text, lang in texts:
            checker.check(text, lang)
        done += len(texts)
    return done / (time.perf_counter() - start)


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv[1:]] or [PROJECT_SET]
    if len(argv) == 1 and SHARED_SET.exists():
        paths.append(SHARED_SET)
    started = time.perf_counter()
    default_checker()
    print(f"rules compiled in {time.perf_counter() - started:.2f} s")
    slowest = None
    for path in paths:
        items = load(path)
        print(f"\n{len(items)} items from {path}")
        for line in report(items):
            print(line)
        speed = throughput(items)
        slowest = speed if slowest is None else min(slowest, speed)
        print(f"throughput: {speed:,.0f} texts/s")
    if slowest is not None and slowest < MIN_THROUGHPUT:
        print(f"\nthroughput below {MIN_THROUGHPUT:,} texts/s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

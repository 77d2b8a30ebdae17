"""The labelled evaluation set: its shape, and the checker's quality on it."""

import json
from collections import Counter
from pathlib import Path

import pytest

from moderation.checker import CATEGORIES, check

EVAL_PATH = Path(__file__).resolve().parent.parent / "data" / "moderation_eval.jsonl"
MIN_RECALL = 0.90
MAX_FALSE_POSITIVE_RATE = 0.05


def _items() -> list[dict]:
    with EVAL_PATH.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


ITEMS = _items()


def test_eval_set_is_large_balanced_and_well_formed():
    assert len(ITEMS) >= 320
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)
    for item in ITEMS:
        assert set(item) == {"id", "lang", "text", "label", "category", "note"}
        assert item["lang"] in ("ky", "ru")
        assert item["label"] in ("prohibited", "benign")
        assert item["text"].strip()
    languages = Counter(item["lang"] for item in ITEMS)
    assert min(languages.values()) / max(languages.values()) > 0.8
    benign = sum(item["label"] == "benign" for item in ITEMS)
    assert benign / len(ITEMS) >= 0.40


def test_eval_set_has_every_category_in_both_languages():
    present = {(item["category"], item["lang"]) for item in ITEMS if item["label"] == "prohibited"}
    for category in CATEGORIES:
        assert (category, "ky") in present and (category, "ru") in present, category


def _not_accepted(items: list[dict]) -> float:
    return sum(check(item["text"], item["lang"]).verdict != "accept" for item in items) / len(items)


@pytest.mark.parametrize("scope", ["all", "ky", "ru"])
def test_prohibited_items_are_caught_and_benign_items_pass(scope):
    items = [item for item in ITEMS if scope in ("all", item["lang"])]
    prohibited = [item for item in items if item["label"] == "prohibited"]
    benign = [item for item in items if item["label"] == "benign"]
    assert _not_accepted(prohibited) >= MIN_RECALL
    assert _not_accepted(benign) <= MAX_FALSE_POSITIVE_RATE

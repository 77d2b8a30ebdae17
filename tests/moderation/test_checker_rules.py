"""Rule files are validated on load with errors that name the file, the rule and the problem."""

from pathlib import Path

import pytest
import yaml

from moderation.checker import CATEGORIES, RuleError, load_rules

VALID = {
    "id": "test.rule",
    "category": "violence",
    "language": "ky",
    "patterns": ["өлтүр-"],
    "action": "reject",
    "message": {"ky": "Алып салыңыз.", "ru": "Удалите."},
}


def _load(tmp_path: Path, rule: dict | None = None, **document) -> None:
    content = document or {"rules": [rule]}
    (tmp_path / "broken.yaml").write_text(yaml.safe_dump(content, allow_unicode=True), "utf-8")
    load_rules(tmp_path)


def _error(tmp_path: Path, rule: dict | None = None, **document) -> str:
    with pytest.raises(RuleError) as info:
        _load(tmp_path, rule, **document)
    return str(info.value)


def test_bundled_rules_load_and_cover_every_category_in_both_languages():
    rules = load_rules()
    covered = {(rule.category, rule.language) for rule in rules}
    for category in CATEGORIES:
        assert {(category, "ky"), (category, "ru"), (category, "any")} & covered, category
        languages = {lang for cat, lang in covered if cat == category}
        assert "any" in languages or {"ky", "ru"} <= languages, category


def test_valid_rule_loads(tmp_path):
    _load(tmp_path, VALID)
    assert [rule.id for rule in load_rules(tmp_path)] == ["test.rule"]


def test_unknown_category_is_reported(tmp_path):
    message = _error(tmp_path, VALID | {"category": "rudeness"})
    assert "broken.yaml" in message
    assert "test.rule" in message
    assert "unknown category 'rudeness'" in message


def test_missing_message_language_is_reported(tmp_path):
    message = _error(tmp_path, VALID | {"message": {"ky": "Алып салыңыз."}})
    assert "missing the 'ru' text" in message


def test_missing_required_field_is_reported(tmp_path):
    rule = {key: value for key, value in VALID.items() if key != "action"}
    assert "missing required field(s): action" in _error(tmp_path, rule)


def test_unknown_field_is_reported(tmp_path):
    assert "unknown field(s): pattern" in _error(tmp_path, VALID | {"pattern": ["x"]})


def test_unknown_action_and_language_are_reported(tmp_path):
    assert "unknown action 'block'" in _error(tmp_path, VALID | {"action": "block"})
    assert "unknown language 'en'" in _error(tmp_path, VALID | {"language": "en"})


def test_exception_action_must_lower_the_action(tmp_path):
    rule = VALID | {"action": "review", "exceptions": ["сабак"], "exception_action": "review"}
    assert "must be lower than 'review'" in _error(tmp_path, rule)


def test_verb_stem_marker_outside_kyrgyz_rules_is_reported(tmp_path):
    rule = VALID | {"language": "ru", "patterns": ["бить-"]}
    assert "only allowed in Kyrgyz" in _error(tmp_path, rule)


def test_short_prefix_and_unknown_group_are_reported(tmp_path):
    assert "shorter than 3 letters" in _error(tmp_path, VALID | {"patterns": ["ур*"]})
    assert "unknown group '$nope'" in _error(tmp_path, VALID | {"patterns": ["$nope"]})


def test_duplicate_ids_are_reported(tmp_path):
    assert "duplicate id" in _error(tmp_path, rules=[VALID, VALID])


def test_invalid_yaml_and_empty_directory_are_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text("rules: [unclosed", "utf-8")
    with pytest.raises(RuleError, match="not valid YAML"):
        load_rules(tmp_path)
    with pytest.raises(RuleError, match="no rule files"):
        load_rules(tmp_path / "missing")


def test_groups_are_shared_between_files(tmp_path):
    (tmp_path / "a_groups.yaml").write_text("groups:\n  kill: ['өлтүр-']\n", "utf-8")
    _load(tmp_path, VALID | {"patterns": ["$kill"]})
    assert len(load_rules(tmp_path)) == 1

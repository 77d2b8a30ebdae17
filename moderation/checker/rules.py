"""Loading and validating rule files (``moderation/rules/*.yaml``).

A rule file is a mapping with an optional ``groups`` section (named word lists usable as
``$name`` in any file) and a ``rules`` list. Each rule::

    - id: violence.call.ky            # unique, lowercase letters, digits, dots, underscores
      category: violence              # one of CATEGORIES
      language: ky                    # ky, ru or any
      patterns: ["өлтүр-", "саба-"]  # see patterns.py for the syntax
      action: reject                  # reject or review
      exceptions: ["$edu_ky"]         # optional context that lowers the action
      exception_action: review        # review or accept; must be lower than action
      unless: ["рекорд"]              # optional: a match with one of these within two words
                                      # of a matched word is no match ("побьём рекорд")
      only_calls: true                # optional: match only words used as a call to act
      call: false                     # optional: the patterns themselves are calls to act
      max_gap: 2                      # optional: words allowed between pattern words
      window: 15                      # optional: words around a match searched for exceptions
      span: 12                        # optional: for patterns with parts joined by "&", the
                                      # most words from the first to the last matched word
      sentences: 0                    # optional: sentence boundaries those parts may cross
      lower_calls: false              # optional: let exceptions lower calls too (for rules
                                      # where an imperative is ordinary, e.g. "голосуйте")
      message: {ky: "...", ru: "..."}

Errors are raised as :class:`RuleError` naming the file and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .patterns import Pattern, PatternError, parse_pattern

CATEGORIES = (
    "violence",
    "extremism",
    "strife",
    "social_status",
    "defamation",
    "unrelated",
    "drugs",
    "suicide",
    "obscenity",
)
LANGUAGES = ("ky", "ru", "any")
ACTIONS = ("reject", "review")
SEVERITY = {"accept": 0, "review": 1, "reject": 2}
MESSAGE_LANGUAGES = ("ky", "ru")
DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

_ID = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
_GROUP = re.compile(r"^[a-z0-9_]+$")
_REQUIRED = ("id", "category", "language", "patterns", "action", "message")
_OPTIONAL = (
    "exceptions",
    "exception_action",
    "unless",
    "only_calls",
    "call",
    "max_gap",
    "window",
    "span",
    "sentences",
    "lower_calls",
)


class RuleError(ValueError):
    """A rule file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A validated rule with its patterns parsed."""

    id: str
    category: str
    language: str
    patterns: tuple[Pattern, ...]
    action: str
    message: Mapping[str, str]
    exceptions: tuple[Pattern, ...] = ()
    exception_action: str = "review"
    unless: tuple[Pattern, ...] = ()
    only_calls: bool = False
    call: bool = False
    max_gap: int = 2
    window: int = 15
    span: int = 12
    sentences: int = 0
    lower_calls: bool = False


def _string_list(value: Any, what: str, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{what} must be a list of non-empty strings")
    if not value and not allow_empty:
        raise RuleError(f"{what} must not be empty")
    return tuple(value)


def _choice(raw: Mapping[str, Any], key: str, options: tuple[str, ...], default: str = "") -> str:
    value = raw.get(key, default)
    if value not in options:
        raise RuleError(f"unknown {key} {value!r} (expected one of: {', '.join(options)})")
    return value


def _integer(raw: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RuleError(f"{key} must be an integer from {low} to {high}")
    return value


def _flag(raw: Mapping[str, Any], key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise RuleError(f"{key} must be true or false")
    return value


def _message(raw: Any) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise RuleError("message must be a mapping with 'ky' and 'ru' texts")
    for lang in MESSAGE_LANGUAGES:
        if not isinstance(raw.get(lang), str) or not raw[lang].strip():
            raise RuleError(f"message is missing the {lang!r} text")
    extra = set(raw) - set(MESSAGE_LANGUAGES)
    if extra:
        raise RuleError(f"message has unknown languages: {', '.join(sorted(map(str, extra)))}")
    return {lang: raw[lang].strip() for lang in MESSAGE_LANGUAGES}


def _patterns(sources: tuple[str, ...], language: str, groups, what: str) -> tuple[Pattern, ...]:
    parsed = []
    for source in sources:
        try:
            parsed.append(parse_pattern(source, language, groups))
        except PatternError as exc:
            raise RuleError(f"{what} {source!r}: {exc}") from exc
    return tuple(parsed)


def build_rule(raw: Any, groups: Mapping[str, tuple[str, ...]]) -> Rule:
    """Validate one raw rule mapping and build a :class:`Rule`."""
    if not isinstance(raw, Mapping):
        raise RuleError("each rule must be a mapping")
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise RuleError(f"missing required field(s): {', '.join(missing)}")
    unknown = set(raw) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise RuleError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        raise RuleError(f"invalid id {raw['id']!r} (use lowercase words joined by dots)")
    language = _choice(raw, "language", LANGUAGES)
    action = _choice(raw, "action", ACTIONS)
    exceptions = _string_list(raw.get("exceptions", []), "exceptions", allow_empty=True)
    exception_action = _choice(raw, "exception_action", ("review", "accept"), "review")
    if exceptions and SEVERITY[exception_action] >= SEVERITY[action]:
        raise RuleError(f"exception_action {exception_action!r} must be lower than {action!r}")
    return Rule(
        id=raw["id"],
        category=_choice(raw, "category", CATEGORIES),
        language=language,
        patterns=_patterns(_string_list(raw["patterns"], "patterns"), language, groups, "pattern"),
        action=action,
        message=_message(raw["message"]),
        exceptions=_patterns(exceptions, language, groups, "exception"),
        exception_action=exception_action,
        unless=_patterns(
            _string_list(raw.get("unless", []), "unless", allow_empty=True),
            language,
            groups,
            "unless pattern",
        ),
        only_calls=_flag(raw, "only_calls"),
        call=_flag(raw, "call"),
        max_gap=_integer(raw, "max_gap", 2, 0, 6),
        window=_integer(raw, "window", 15, 0, 100),
        span=_integer(raw, "span", 12, 1, 60),
        sentences=_integer(raw, "sentences", 0, 0, 3),
        lower_calls=_flag(raw, "lower_calls"),
    )


def _read(path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("rules", []), list):
        raise RuleError(f"{path.name}: expected a mapping with a 'rules' list")
    unknown = set(data) - {"groups", "rules"}
    if unknown:
        raise RuleError(f"{path.name}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    return data


def load_rules(directory: Path | str = DEFAULT_RULES_DIR) -> tuple[Rule, ...]:
    """Load and validate every ``*.yaml`` file in ``directory``."""
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise RuleError(f"no rule files (*.yaml) in {directory}")
    documents = [(path, _read(path)) for path in files]
    groups: dict[str, tuple[str, ...]] = {}
    for path, data in documents:
        raw_groups = data.get("groups", {})
        if not isinstance(raw_groups, Mapping):
            raise RuleError(f"{path.name}: groups must be a mapping of name to word list")
        for name, words in raw_groups.items():
            if not isinstance(name, str) or not _GROUP.match(name):
                raise RuleError(f"{path.name}: invalid group name {name!r}")
            if name in groups:
                raise RuleError(f"{path.name}: group {name!r} is defined twice")
            try:
                groups[name] = _string_list(words, f"group {name!r}")
            except RuleError as exc:
                raise RuleError(f"{path.name}: {exc}") from exc
    rules: list[Rule] = []
    seen: set[str] = set()
    for path, data in documents:
        for index, raw in enumerate(data.get("rules", [])):
            name = raw.get("id", f"#{index + 1}") if isinstance(raw, Mapping) else f"#{index + 1}"
            try:
                rule = build_rule(raw, groups)
            except RuleError as exc:
                raise RuleError(f"{path.name}: rule {name!r}: {exc}") from exc
            if rule.id in seen:
                raise RuleError(f"{path.name}: rule {rule.id!r}: duplicate id")
            seen.add(rule.id)
            rules.append(rule)
    return tuple(rules)

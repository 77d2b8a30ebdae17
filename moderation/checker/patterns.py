"""The pattern mini-language used in rule files.

A pattern is a sequence of words separated by spaces; consecutive words may be separated in
the text by up to ``max_gap`` other words. Each word is one of:

* ``word`` - an inflected word: for Kyrgyz rules a nominal stem taking plural, possessive,
  case and predicate endings; for Russian rules a dictionary word matched in all of its
  forms; for language-independent (``any``) rules the exact word;
* ``stem-`` - a Kyrgyz verb stem taking verbal endings (``өлтүр-`` matches ``өлтүргүлө``);
* ``prefix*`` - any word starting with ``prefix`` (at least three letters);
* ``=word`` - exactly this form, no inflection;
* ``a|b|c`` - any of the alternatives, each written as above;
* ``$group`` - any word of a named group defined in a rule file's ``groups`` section;
* ``@name`` - a word written as a personal name: capitalised in the original text and not
  the first word of a sentence, or a Russian patronymic (``Бакировна``).

A pattern may consist of several parts joined by ``&``: ``$target_ru & $expel_ru`` matches
when every part matches within the same stretch of text (the rule's ``span`` words and
``sentences`` sentence boundaries), in any order and on different words. This describes
"who" and "what" separately: a group of people and a hostile act said about it.

Pattern words go through the same normalisation as running text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .normalize import normalize_word

KY_NOUN = "ky_noun"
KY_VERB = "ky_verb"
RU_WORD = "ru_word"
PREFIX = "prefix"
EXACT = "exact"
CLASS = "class"
# Word classes recognised from the text itself rather than looked up (``@name``).
WORD_CLASSES = ("name",)
MIN_PREFIX = 3


class PatternError(ValueError):
    """A pattern that cannot be parsed."""


@dataclass(frozen=True, slots=True)
class WordSpec:
    """One way a single text word can match."""

    kind: str
    text: str


Elements = tuple[tuple[WordSpec, ...], ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: for each part (joined by ``&``), for each position, the alternatives
    that may fill it. ``elements`` is the first part (the only one of most patterns)."""

    source: str
    parts: tuple[Elements, ...]

    @property
    def elements(self) -> Elements:
        return self.parts[0]


def parse_word(raw: str, language: str) -> WordSpec:
    """Parse one pattern word written for a rule in ``language`` (ky, ru or any)."""
    if raw.startswith("@"):
        if raw[1:] not in WORD_CLASSES:
            raise PatternError(f"unknown word class {raw!r} (known: @{', @'.join(WORD_CLASSES)})")
        return WordSpec(CLASS, raw[1:])
    if raw.startswith("="):
        kind, body = EXACT, raw[1:]
    elif raw.endswith("*"):
        kind, body = PREFIX, raw[:-1]
    elif raw.endswith("-"):
        if language != "ky":
            raise PatternError(f"verb stem {raw!r} is only allowed in Kyrgyz (ky) rules")
        kind, body = KY_VERB, raw[:-1]
    else:
        kind, body = {"ky": KY_NOUN, "ru": RU_WORD}.get(language, EXACT), raw
    text = normalize_word(body)
    if not text or not text.replace("-", "").isalnum():
        raise PatternError(f"{raw!r} is not a word")
    if "-" in text:
        raise PatternError(f"{raw!r}: write hyphenated words as two pattern words")
    if kind == PREFIX and len(text) < MIN_PREFIX:
        raise PatternError(f"prefix {raw!r} is shorter than {MIN_PREFIX} letters")
    if kind == KY_VERB and len(text) < 2:
        raise PatternError(f"verb stem {raw!r} is too short")
    return WordSpec(kind, text)


def parse_pattern(source: str, language: str, groups: Mapping[str, tuple[str, ...]]) -> Pattern:
    """Parse ``source`` into a :class:`Pattern`, expanding ``$group`` references."""
    parts = tuple(_parse_part(part, language, groups) for part in f" {source} ".split(" & "))
    return Pattern(source, parts)


def _parse_part(source: str, language: str, groups: Mapping[str, tuple[str, ...]]) -> Elements:
    elements = []
    for chunk in source.split():
        alternatives: list[WordSpec] = []
        for raw in chunk.split("|"):
            if raw.startswith("$"):
                if raw[1:] not in groups:
                    raise PatternError(f"unknown group {raw!r}")
                alternatives.extend(parse_word(word, language) for word in groups[raw[1:]])
            else:
                alternatives.append(parse_word(raw, language))
        elements.append(tuple(dict.fromkeys(alternatives)))
    if not elements:
        raise PatternError("empty pattern (or empty part around '&')")
    return tuple(elements)

"""Compiled word index: which pattern words a normalised text word matches, with tags.

Every word is looked up twice: as written and with doubled letters collapsed (``dedup``), so
that stretching (``убббить``) and doubling tricks match while legitimate double letters
(Kyrgyz long vowels) still match exactly. Results are cached per word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import kyrgyz, russian
from .normalize import MASK, dedup
from .patterns import CLASS, KY_NOUN, KY_VERB, MIN_PREFIX, PREFIX, RU_WORD, WordSpec

Tags = frozenset[str]
NONE: Tags = frozenset()
CACHE_SIZE = 1 << 16
# A doubled vowel is a Kyrgyz long vowel ("суук" - cold, "суукка"), not stretching: in such
# a word only doubled consonants are collapsed before exact and Russian forms and prefixes
# are looked up, so "суукка" is not taken for "сука" nor "суук" for "сук". Kyrgyz stems are
# still matched fully de-duplicated ("каапыр", "шалаава") if they are long enough.
_LONG_VOWEL = re.compile(r"([аеэиоөуүы])\1")
_DOUBLE_CONSONANT = re.compile(r"([^\Wаеэиоөуүыюя\d_])\1+")
_MIN_STRETCHED_STEM = 5


def _loose(word: str) -> str:
    """The de-duplicated form of ``word`` used to defeat doubling tricks."""
    if _LONG_VOWEL.search(word):
        return _DOUBLE_CONSONANT.sub(r"\1", word)
    return dedup(word)


def _add(table: dict, key: str, value) -> None:
    table.setdefault(key, []).append(value)


def _dedup_suffixes(suffixes: dict[str, Tags]) -> dict[str, Tags]:
    out: dict[str, Tags] = {}
    for suffix, tags in suffixes.items():
        key = dedup(suffix)
        out[key] = out.get(key, NONE) | tags
    return out


class Lexicon:
    """Index of :class:`WordSpec` objects; ``lookup`` maps a word to ``{spec index: tags}``."""

    def __init__(self, specs: Sequence[WordSpec]):
        self._forms: dict[str, list[tuple[int, Tags]]] = {}
        self._dedup_forms: dict[str, list[tuple[int, Tags]]] = {}
        self._stems: dict[str, list[tuple[int, dict[str, Tags]]]] = {}
        self._dedup_stems: dict[str, list[tuple[int, dict[str, Tags]]]] = {}
        self._prefixes: dict[str, list[tuple[str, int]]] = {}
        self._dedup_prefixes: dict[str, list[tuple[str, int]]] = {}
        deduped: dict[int, dict[str, Tags]] = {}
        for index, spec in enumerate(specs):
            if spec.kind == CLASS:
                continue  # recognised by the engine from the text itself
            if spec.kind in (KY_NOUN, KY_VERB):
                for surface, suffixes in kyrgyz.surfaces(spec.text, spec.kind == KY_VERB):
                    _add(self._stems, surface, (index, suffixes))
                    key = id(suffixes)
                    if key not in deduped:
                        deduped[key] = _dedup_suffixes(suffixes)
                    _add(self._dedup_stems, dedup(surface), (index, deduped[key]))
            elif spec.kind == PREFIX:
                _add(self._prefixes, spec.text[:MIN_PREFIX], (spec.text, index))
                short = dedup(spec.text)
                _add(self._dedup_prefixes, short[:MIN_PREFIX], (short, index))
            else:
                forms = russian.paradigm(spec.text) if spec.kind == RU_WORD else {spec.text: NONE}
                for form, tags in forms.items():
                    _add(self._forms, form, (index, tags))
                    _add(self._dedup_forms, dedup(form), (index, tags))
        lengths = [len(surface) for surface in self._stems] or [1]
        self._min_stem = min(lengths)
        self._min_dedup_stem = min((len(s) for s in self._dedup_stems), default=1)
        self.lookup = lru_cache(maxsize=CACHE_SIZE)(self._lookup)

    def _masked(self, word: str) -> dict[int, Tags]:
        """A word with masked letters (``бл*ть``) matches a prefix it can be filled to."""
        found: dict[int, Tags] = {}
        for candidates in self._prefixes.values():
            for prefix, index in candidates:
                filled = "".join(
                    prefix[i] if ch == MASK and i < len(prefix) else ch for i, ch in enumerate(word)
                )
                if filled.startswith(prefix):
                    found[index] = NONE
        return found

    def _lookup(self, word: str) -> dict[int, Tags]:
        if MASK in word:
            return self._masked(word)
        found: dict[int, Tags] = {}

        def hit(index: int, tags: Tags) -> None:
            found[index] = found.get(index, NONE) | tags

        short = dedup(word)
        loose = _loose(word)
        for table, key in ((self._forms, word), (self._dedup_forms, loose)):
            for index, tags in table.get(key, ()):
                hit(index, tags)
        for table, key in ((self._prefixes, word), (self._dedup_prefixes, loose)):
            for prefix, index in table.get(key[:MIN_PREFIX], ()):
                if key.startswith(prefix):
                    hit(index, NONE)
        for length in range(self._min_stem, len(word) + 1):
            for index, suffixes in self._stems.get(word[:length], ()):
                tags = suffixes.get(word[length:])
                if tags is not None:
                    hit(index, tags)
        # With a long vowel collapsed only longer stems are trusted: "каапыр" is "капыр", but
        # "саат" (hour) is not "сат" (sell!).
        shortest = _MIN_STRETCHED_STEM if loose != short else self._min_dedup_stem
        for length in range(max(shortest, self._min_dedup_stem), len(short) + 1):
            surface, rest = short[:length], short[length:]
            for index, suffixes in self._dedup_stems.get(surface, ()):
                tags = suffixes.get(rest)
                if tags is None and rest:
                    tags = suffixes.get(surface[-1] + rest)
                if tags is not None:
                    hit(index, tags)
        return found

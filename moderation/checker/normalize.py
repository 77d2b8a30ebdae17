"""Text normalisation that defeats common obfuscation while keeping offsets.

Every step keeps, for each character, the ``start``/``end`` of the original characters it
came from, so that every match can be traced back to the original text:

1. Unicode NFKC per base character with its combining marks, removal of invisible format
   characters (category ``Cf``: zero-width spaces and joiners, soft hyphen, BOM, ...),
   removal of leftover combining marks, case folding and ``ё`` -> ``е``. Emoji and other
   pictographic symbols become the separator :data:`GLUE` (``·``), so that letters spaced
   out with emoji are rejoined (step 2) and the checker can rejoin a word split by one.
2. Spaced-out words are rejoined: three or more single characters separated by spaces,
   dots, hyphens, underscores, emoji or similar (``у б и т ь``, ``у.б.и.т.ь``) become one
   word. A wider gap than the one between the letters ends the word (``в о р  и  л о ж ь``).
3. Latin, Greek and digit look-alikes inside Cyrillic words are mapped to Cyrillic
   (``yбить`` -> ``убить``, ``нарк0тик`` -> ``наркотик``).
4. Runs of three or more identical letters collapse to one (``ууубить`` -> ``убить``).
   Runs of two are kept because Kyrgyz writes long vowels double; the matcher also tries
   the fully de-duplicated form (see :func:`dedup`).

Each step first checks with a regular expression whether it has anything to do, so plain
text costs little more than a few scans.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Latin and Greek letters that look like Cyrillic ones, plus Kyrgyz letters written with
# Latin or Altai/Turkic look-alikes.
_LOOKALIKE_LETTERS = {
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "и",
    "k": "к",
    "m": "м",
    "n": "п",
    "o": "о",
    "p": "р",
    "r": "г",
    "t": "т",
    "u": "и",
    "x": "х",
    "y": "у",
    "ö": "ө",
    "ü": "ү",
    "ñ": "ң",
    "ŋ": "ң",
    "α": "а",
    "ε": "е",
    "κ": "к",
    "ο": "о",
    "ρ": "р",
    "τ": "т",
    "υ": "у",
    "χ": "х",
    "ӧ": "ө",
    "ӱ": "ү",
    "ҥ": "ң",
    "ӊ": "ң",
    "і": "и",
    "ј": "й",
}
# Digits and symbols used as letters; only applied to single ones inside a word.
_LOOKALIKE_SYMBOLS = {"0": "о", "3": "з", "4": "ч", "6": "б", "@": "а", "$": "с"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# What emoji and pictographic symbols become: a separator, like a space inside a word.
GLUE = "·"
# Symbol categories replaced by GLUE (``So`` other symbols, ``Sk`` skin-tone modifiers).
_PICTOGRAPHIC = frozenset({"So", "Sk"})
_SEPARATORS = " .-_*·|/\\+~"
# Stretches made only of these characters need no Unicode normalisation: lowercasing keeps
# their length and NFKC leaves them unchanged (typographic punctuation is kept as it is).
# Other characters, with the base character before them, are folded one by one.
_PLAIN_CLASS = r"\x00-\x7f\u0400-\u04ff«»—–…№“”„‘’•"
_SPECIAL = re.compile(rf"[{_PLAIN_CLASS}]?[^{_PLAIN_CLASS}]+")
_KEEP = frozenset("«»—–…№“”„‘’•")
_SEP_CLASS = "[" + re.escape(_SEPARATORS) + "]"
_LETTER = r"(?:[^\W_]|[@$])"
_SPACED = re.compile(
    rf"(?<![^\W_])(?<![@$]){_LETTER}{_SEP_CLASS}{{1,3}}{_LETTER}{_SEP_CLASS}{{1,3}}{_LETTER}"
    r"(?![^\W_])(?![@$])"
)
_MAPPABLE_CLASS = "[" + re.escape("".join(_LOOKALIKE_LETTERS) + "".join(_LOOKALIKE_SYMBOLS)) + "]"
_MAPPABLE = re.compile(_MAPPABLE_CLASS)
_RUN = re.compile(r"([^\W\d_])\1\1+")
_REPEAT = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the span in the original."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised half-open span ``[start, end)`` to the original text."""
        return self.starts[start], self.ends[end - 1]


def _fold_slow(text: str, offset: int, chars: list[str], starts: list[int], ends: list[int]):
    i = 0
    length = len(text)
    while i < length:
        j = i + 1
        while j < length and unicodedata.category(text[j]).startswith("M"):
            j += 1
        cluster = text[i:j] if text[i] in _KEEP else unicodedata.normalize("NFKC", text[i:j])
        for ch in cluster:
            category = unicodedata.category(ch)
            if category == "Cf" or category.startswith("M"):
                continue
            if category in _PICTOGRAPHIC and ch not in _KEEP:
                chars.append(GLUE)
                starts.append(offset + i)
                ends.append(offset + j)
                continue
            for folded in ch.casefold():
                chars.append("е" if folded == "ё" else folded)
                starts.append(offset + i)
                ends.append(offset + j)
        i = j


def _fold(text: str) -> tuple[str, list[int], list[int]]:
    """Fold plain stretches with ``str.lower`` and only the rest character by character."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous = 0
    for match in _SPECIAL.finditer(text):
        plain = text[previous : match.start()]
        chars.append(plain.lower().replace("ё", "е"))
        starts.extend(range(previous, match.start()))
        ends.extend(range(previous + 1, match.start() + 1))
        _fold_slow(match.group(), match.start(), chars, starts, ends)
        previous = match.end()
    chars.append(text[previous:].lower().replace("ё", "е"))
    starts.extend(range(previous, len(text)))
    ends.extend(range(previous + 1, len(text) + 1))
    return "".join(chars), starts, ends


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in _LOOKALIKE_SYMBOLS


def _spaced_run(text: str, i: int) -> tuple[list[int], int]:
    """Separator positions of the spaced-out run starting at ``i``, and where it ends."""
    n = len(text)
    gaps: list[int] = []
    singles = 1
    k = i + 1
    first_gap = ""
    while True:
        sep_end = k
        while sep_end < n and sep_end - k < 3 and text[sep_end] in _SEPARATORS:
            sep_end += 1
        if sep_end == k or sep_end >= n or not _is_word_char(text[sep_end]):
            break
        gap = text[k:sep_end]
        if not first_gap:
            first_gap = gap
        elif gap.isspace() and len(gap) > len(first_gap):
            break  # a wider space than between the letters: the next word starts
        if sep_end + 1 < n and _is_word_char(text[sep_end + 1]):
            break
        gaps.extend(range(k, sep_end))
        singles += 1
        k = sep_end + 1
    return (gaps if singles >= 3 else []), k


def _join_spaced(text: str, starts: list[int], ends: list[int]):
    """Drop separators between runs of three or more single word characters."""
    drop: set[int] = set()
    match = _SPACED.search(text)
    while match:
        gaps, end = _spaced_run(text, match.start())
        drop.update(gaps)
        match = _SPACED.search(text, end)
    if not drop:
        return text, starts, ends
    keep = [idx for idx in range(len(text)) if idx not in drop]
    return (
        "".join(text[idx] for idx in keep),
        [starts[idx] for idx in keep],
        [ends[idx] for idx in keep],
    )


def _map_word(word: str) -> str:
    has_cyrillic = bool(_CYRILLIC.search(word))
    all_lookalike = len(word) >= 3 and all(
        c in _LOOKALIKE_LETTERS or c in _LOOKALIKE_SYMBOLS for c in word
    )
    if not has_cyrillic and not all_lookalike:
        return word
    alpha_count = sum(c.isalpha() or c == "@" for c in word)
    mapped = []
    for idx, ch in enumerate(word):
        if ch in _LOOKALIKE_LETTERS:
            ch = _LOOKALIKE_LETTERS[ch]
        elif ch in _LOOKALIKE_SYMBOLS and alpha_count >= 2:
            prev_letter = idx == 0 or word[idx - 1].isalpha()
            next_letter = idx + 1 == len(word) or word[idx + 1].isalpha()
            if prev_letter and next_letter:
                ch = _LOOKALIKE_SYMBOLS[ch]
        mapped.append(ch)
    return "".join(mapped)


def _map_lookalikes(text: str) -> str:
    """Map look-alike characters inside words; the length does not change."""
    words: dict[int, int] = {}
    for match in _MAPPABLE.finditer(text):
        start = end = match.start()
        if any(pos <= start < stop for pos, stop in words.items()):
            continue
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        words[start] = end
    if not words:
        return text
    pieces = []
    previous = 0
    for start, end in sorted(words.items()):
        pieces.append(text[previous:start])
        pieces.append(_map_word(text[start:end]))
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


def _collapse_runs(text: str, starts: list[int], ends: list[int]):
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    previous = 0
    for match in _RUN.finditer(text):
        begin, end = match.span()
        pieces.append(text[previous:begin])
        new_starts.extend(starts[previous:begin])
        new_ends.extend(ends[previous:begin])
        pieces.append(text[begin])
        new_starts.append(starts[begin])
        new_ends.append(ends[end - 1])
        previous = end
    if not previous:
        return text, starts, ends
    pieces.append(text[previous:])
    new_starts.extend(starts[previous:])
    new_ends.extend(ends[previous:])
    return "".join(pieces), new_starts, new_ends


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching; see the module docstring for the steps."""
    folded, starts, ends = _join_spaced(*_fold(text))
    collapsed, starts, ends = _collapse_runs(_map_lookalikes(folded), starts, ends)
    return Normalized(original=text, text=collapsed, starts=tuple(starts), ends=tuple(ends))


def normalize_word(word: str) -> str:
    """Normalise a single pattern word the same way as running text."""
    return normalize(word).text


def dedup(word: str) -> str:
    """Collapse every run of a repeated letter to one (``уббить`` -> ``убить``)."""
    return _REPEAT.sub(r"\1", word) if _REPEAT.search(word) else word


_TOKEN = re.compile(r"[^\W_]+(?:\*+[^\W_]+)*")
MASK = "*"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Split normalised text into ``(word, start, end)`` tuples.

    Asterisks between letters stay inside the word (``бл*ть``), marking masked letters.
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]

"""Matching rules against a text and deciding the verdict.

For every word of the normalised text the lexicon says which pattern words it matches and
with which tags. Patterns are then matched as ordered sequences with small gaps. A match is
a *call to act* if its rule says so (``call: true``), if a matched word is an imperative,
"let's" form or first-person threat, or if the context makes it one ("өлтүрүү керек",
"уруп салгыла", "надо избить", "давайте ...", "убить бы"). A Russian match directly preceded
by a negation ("не бей", "нельзя бить") is not a match.

Patterns made of parts joined by ``&`` (a group of people ``&`` a hostile act said about it)
match when every part matches on its own words within the rule's ``span`` and ``sentences``;
sentences end at ``. ! ? ; …`` and line breaks. ``@name`` words are recognised from the
original text: capitalised words that do not start a sentence, and Russian patronymics.

A match next to one of the rule's ``unless`` patterns (within two words of a matched word)
is no match at all: "побьём рекорд", "забить гол", "бить по мячу" are not violence.

Exceptions (e.g. preventive or educational context) found within the rule's window around a
match lower its action to the rule's ``exception_action``, but only when the match is not a
call to act or a threat: a call is never lowered, since a preventive word next to a call
("урок профилактики: бейте его") does not make the call preventive.

Words split by an emoji or a separator inside them (``на🔥ркотики``, ``на-ркотики``) are
joined again when the joined word is one the rules know. The other way round, a token the
rules do not know that glues several words together is cut: where letters meet digits
("бонус1000сом"), before a capital after a small letter ("КупиНаркотики"), and a hashtag
into two known words ("#купитьнаркотики").

Russian calls also come from rhetorical suggestions before an infinitive ("а что если
прибить", "было бы неплохо проучить"), and a negated modal negates a match ("не надо бить",
"не стоит пробовать"), while "почему бы не ..." stays a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import kyrgyz
from .lexicon import Lexicon
from .matching import Chain, Tags, combine, is_call, negated, sequences
from .normalize import GLUE, normalize, tokens
from .patterns import CLASS, Pattern, WordSpec
from .result import CheckResult, Finding, verdict_for
from .rules import SEVERITY, Rule

NO_TAGS: Tags = frozenset()
LANGUAGE_CHOICES = ("ky", "ru")
# Characters that only appear inside a word's original text if it was spaced out.
_SPACING = frozenset(" .-_|/\\+~·")
# Punctuation that ends a sentence (for patterns with parts and for names).
_SENTENCE_END = re.compile(r"[.!?;…\n]")
# What may stand between two halves of one word split by an emoji or a separator.
_INNER_GAP = re.compile(rf"[{re.escape(GLUE)}.\-_*'’`|/\\+~]{{1,3}}")
# Signs that a text may hold words glued together: letters run into digits ("бонус1000сом"),
# a capital inside a word ("КупиНаркотики"), a hashtag ("#купитьнаркотики").
_GLUED_NORM = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
_GLUED_ORIG = re.compile(r"[a-zа-яёңөү][A-ZА-ЯЁҢӨҮ]|#\w")
_PIECES = re.compile(r"\d+|[^\W\d_]+(?:\*+[^\W\d_]+)*")
# The shortest halves a hashtag is cut into when looking for two known words.
_MIN_HALF = 3
# A capitalised word right after an opening quote starts a title, not a name («Пара — кылмыш»).
_OPENING_QUOTES = frozenset("«„“\"'‹")


def _after_quote(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] in _OPENING_QUOTES


_PATRONYMIC = re.compile(r"\w{2,}(?:ович|евич|овна|евна|ична|инична|улы|кызы)$")


# Roles of compiled patterns: a rule's pattern, an exception, an "unless" pattern.
_MATCH, _EXCEPTION, _UNLESS = 0, 1, 2
# How many words from a matched word an "unless" pattern may start or end.
_UNLESS_REACH = 2


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: int
    role: int
    elements: tuple[frozenset[int], ...]
    pattern: int
    part: int


@dataclass(frozen=True, slots=True)
class _PatternInfo:
    rule: int
    role: int
    parts: int


def _sentences(text: str, toks: Sequence[tuple[str, int, int]]) -> list[int]:
    """The sentence number of each token."""
    numbers = []
    number = 0
    previous = 0
    for _, start, end in toks:
        if previous and _SENTENCE_END.search(text, previous, start):
            number += 1
        numbers.append(number)
        previous = end
    return numbers


def _case_cuts(original: str, starts: Sequence[int], token: tuple[str, int, int]):
    """``token`` cut before each capital that follows a small letter in the original."""
    word, start, end = token
    cuts = [0]
    for k in range(1, end - start):
        here, before = original[starts[start + k]], original[starts[start + k - 1]]
        if here.isupper() and before.islower() and here.isalpha() and before.isalpha():
            cuts.append(k)
    if len(cuts) == 1:
        return [token]
    cuts.append(end - start)
    return [(word[a:b], start + a, start + b) for a, b in pairwise(cuts) if b > a]


def _is_name(excerpt: str, word: str, sentence_start: bool) -> bool:
    if _PATRONYMIC.match(word):
        return True
    if sentence_start or len(excerpt) < 2 or not excerpt[0].isupper() or excerpt.isupper():
        return False
    return excerpt[1:].islower() and word.isalpha()


class Checker:
    """Rules compiled for fast repeated checking."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        specs: dict[WordSpec, int] = {}
        self._compiled: list[_Compiled] = []
        self._patterns: list[_PatternInfo] = []
        self._by_spec: dict[int, list[tuple[int, int]]] = {}

        def compile_pattern(rule_index: int, pattern: Pattern, role: int) -> None:
            key = len(self._patterns)
            self._patterns.append(_PatternInfo(rule_index, role, len(pattern.parts)))
            for part, part_elements in enumerate(pattern.parts):
                elements = tuple(
                    frozenset(specs.setdefault(spec, len(specs)) for spec in alternatives)
                    for alternatives in part_elements
                )
                for position, spec_ids in enumerate(elements):
                    for spec_id in spec_ids:
                        self._by_spec.setdefault(spec_id, []).append(
                            (len(self._compiled), position)
                        )
                self._compiled.append(_Compiled(rule_index, role, elements, key, part))

        for rule_index, rule in enumerate(self.rules):
            for pattern in rule.patterns:
                compile_pattern(rule_index, pattern, _MATCH)
            for pattern in rule.exceptions:
                compile_pattern(rule_index, pattern, _EXCEPTION)
            for pattern in rule.unless:
                compile_pattern(rule_index, pattern, _UNLESS)
        self._lexicon = Lexicon(list(specs))
        self._name_specs = {i: NO_TAGS for s, i in specs.items() if s == WordSpec(CLASS, "name")}
        self._indexes: dict[frozenset[str], dict[int, list[tuple[int, int]]]] = {}
        # For each rule, its compiled exception and "unless" parts.
        self._context: dict[int, list[int]] = {}
        for compiled_id, compiled in enumerate(self._compiled):
            if compiled.role != _MATCH:
                self._context.setdefault(compiled.rule, []).append(compiled_id)
        for rule_index in range(len(self.rules)):
            self._context.setdefault(rule_index, [])

    def _lookup(self, word: str, excerpt: str) -> dict[int, Tags]:
        """Look ``word`` up; a spaced-out word may have swallowed a one-letter neighbour.

        "с п а й с в наличии" is rejoined as "спайсв": when such a rejoined word matches
        nothing, it is tried without its last and without its first letter.
        """
        hits = self._lexicon.lookup(word)
        if hits or len(word) < 4 or not any(c in _SPACING for c in excerpt):
            return hits
        return self._lexicon.lookup(word[:-1]) or self._lexicon.lookup(word[1:])

    def _join_split_words(self, text: str, toks: list[tuple[str, int, int]]):
        """Join two tokens split by an emoji or separator if the joined word is known."""
        joined: list[tuple[str, int, int]] = []
        for tok in toks:
            if joined:
                word, start, end = joined[-1]
                gap = text[end : tok[1]]
                if _INNER_GAP.fullmatch(gap):
                    candidate = word + tok[0]
                    if self._lexicon.lookup(candidate):
                        joined[-1] = (candidate, start, tok[2])
                        continue
            joined.append(tok)
        return joined

    def _split_glued(self, original: str, norm, toks: list[tuple[str, int, int]]):
        """Split tokens that glue several words together when the whole token is unknown.

        A token is cut where letters meet digits ("бонус1000сом" -> "бонус", "1000", "сом")
        and where a capital follows a small letter in the original ("КупиНаркотики"); a
        hashtag that is still unknown is cut into two words the rules know
        ("#купитьнаркотики" -> "купить", "наркотики").
        """
        check_digits = _GLUED_NORM.search(norm.text) is not None
        check_case = _GLUED_ORIG.search(original) is not None
        if not (check_digits or check_case):
            return toks
        starts = norm.starts
        out: list[tuple[str, int, int]] = []
        for word, start, end in toks:
            pieces = [(word, start, end)]
            if self._lexicon.lookup(word):
                out.append((word, start, end))
                continue
            if check_digits:
                pieces = [
                    (m.group(), start + m.start(), start + m.end()) for m in _PIECES.finditer(word)
                ] or pieces
            if check_case:
                pieces = [cut for piece in pieces for cut in _case_cuts(original, starts, piece)]
                begin = starts[start]
                if len(pieces) == 1 and begin > 0 and original[begin - 1] == "#":
                    pieces = self._halves(word, start) or pieces
            out.extend(pieces)
        return out

    def _halves(self, word: str, start: int) -> list[tuple[str, int, int]] | None:
        """``word`` cut into two words that both match a pattern word, if there is a cut."""
        for cut in range(_MIN_HALF, len(word) - _MIN_HALF + 1):
            left, right = word[:cut], word[cut:]
            if self._lexicon.lookup(left) and self._lexicon.lookup(right):
                return [(left, start, start + cut), (right, start + cut, start + len(word))]
        return None

    def _matches(
        self,
        words: Sequence[str],
        excerpts: Sequence[str],
        names: Sequence[bool],
        sentence: Sequence[int],
        languages: frozenset[str],
    ):
        """Matches of the rules' patterns, and the spans of their exceptions.

        Patterns are found through the index of their words; exception and "unless" patterns
        are only matched for rules that matched, from the words found in the text.
        """
        by_spec = self._index(languages)
        found: dict[int, list[dict[int, Tags]]] = {}
        positions: dict[int, dict[int, Tags]] = {}
        for index, word in enumerate(words):
            hits = self._lookup(word, excerpts[index])
            if names[index] and self._name_specs:
                hits = hits | self._name_specs
            for spec_id, tags in hits.items():
                positions.setdefault(spec_id, {})[index] = tags
                for compiled_id, position in by_spec.get(spec_id, ()):
                    slots = found.get(compiled_id)
                    if slots is None:
                        if position:
                            continue  # a later word of a pattern whose first word is unseen
                        slots = found[compiled_id] = [
                            {} for _ in self._compiled[compiled_id].elements
                        ]
                    slot = slots[position]
                    slot[index] = slot.get(index, NO_TAGS) | tags
        hits = self._complete(found, words, sentence, _MATCH)
        if not hits:
            return [], {}
        matched = {rule for rule, _ in hits}
        present = set(positions)
        context: dict[int, list[dict[int, Tags]]] = {}
        for rule in matched:
            for compiled_id in self._context[rule]:
                elements = []
                for alternatives in self._compiled[compiled_id].elements:
                    slot: dict[int, Tags] = {}
                    for spec_id in alternatives & present:
                        for index, tags in positions[spec_id].items():
                            slot[index] = slot.get(index, NO_TAGS) | tags
                    if not slot:
                        break
                    elements.append(slot)
                else:
                    context[compiled_id] = elements
        exceptions: dict[int, list[tuple[int, int]]] = {}
        unless: dict[int, list[tuple[int, int]]] = {}
        for role, spans in ((_EXCEPTION, exceptions), (_UNLESS, unless)):
            for rule, chain in self._complete(context, words, sentence, role):
                spans.setdefault(rule, []).append((chain[0][0], chain[-1][0]))
        if unless:
            hits = [
                (rule, chain)
                for rule, chain in hits
                if not any(
                    start - _UNLESS_REACH <= index <= end + _UNLESS_REACH
                    for start, end in unless.get(rule, ())
                    for index, _ in chain
                )
            ]
        return hits, exceptions

    def _complete(
        self,
        found: dict[int, list[dict[int, Tags]]],
        words: Sequence[str],
        sentence: Sequence[int],
        role: int,
    ) -> list[tuple[int, Chain]]:
        """Whole matches (every part of a pattern) of the compiled parts in ``role``."""
        parts: dict[int, list[list[Chain]]] = {}
        for compiled_id, elements in found.items():
            compiled = self._compiled[compiled_id]
            if compiled.role != role or not all(elements):
                continue
            rule = self.rules[compiled.rule]
            chains = sequences(elements, rule.max_gap)
            if rule.language == "ru" and role == _MATCH:
                chains = [c for c in chains if not negated(words, c[0][0])]
            if chains:
                info = self._patterns[compiled.pattern]
                slots = parts.setdefault(compiled.pattern, [[] for _ in range(info.parts)])
                slots[compiled.part].extend(chains)
        matches: list[tuple[int, Chain]] = []
        for key, chains_per_part in parts.items():
            if not all(chains_per_part):
                continue
            info = self._patterns[key]
            if info.parts == 1:
                chains = chains_per_part[0]
            else:
                chains = combine(chains_per_part, self.rules[info.rule], sentence)
            matches.extend((info.rule, chain) for chain in chains)
        return matches

    def _index(self, languages: frozenset[str]) -> dict[int, list[tuple[int, int]]]:
        """The word index of the rule patterns (not exceptions) for ``languages``."""
        index = self._indexes.get(languages)
        if index is None:
            index = {}
            for spec_id, entries in self._by_spec.items():
                kept = [
                    (compiled_id, position)
                    for compiled_id, position in entries
                    if self._compiled[compiled_id].role == _MATCH
                    and self.rules[self._compiled[compiled_id].rule].language in languages
                ]
                if kept:
                    index[spec_id] = kept
            self._indexes[languages] = index
        return index

    @staticmethod
    def _action(
        rule: Rule, chain: Chain, words: Sequence[str], exceptions: Sequence[tuple[int, int]]
    ) -> str | None:
        """The action for one match of ``rule``, or ``None`` if it yields no finding."""
        first, last = chain[0][0], chain[-1][0]
        call = rule.call or is_call(words, chain)
        if rule.only_calls and not call:
            return None
        if any(kyrgyz.NEGATIVE in tags for _, tags in chain) and not is_call(words, chain):
            return None  # a Kyrgyz negative form only counts as a call ("сайбай тынчыбайм")
        action = rule.action
        window = rule.window
        if (rule.lower_calls or not call) and any(
            start <= last + window and end >= first - window for start, end in exceptions
        ):
            action = min(action, rule.exception_action, key=SEVERITY.__getitem__)
        return None if action == "accept" else action

    def check(self, text: str, lang: str | None = None) -> CheckResult:
        """Check ``text``; ``lang`` ("ky" or "ru") limits the rules, ``None`` uses all."""
        if lang is not None and lang not in LANGUAGE_CHOICES:
            raise ValueError(f"lang must be one of {LANGUAGE_CHOICES} or None, not {lang!r}")
        languages = frozenset({lang, "any"} if lang else {"ky", "ru", "any"})
        norm = normalize(text)
        toks = self._join_split_words(norm.text, tokens(norm.text))
        toks = self._split_glued(text, norm, toks)
        words = [word for word, _, _ in toks]
        excerpts = [text[slice(*norm.original_span(start, end))] for _, start, end in toks]
        sentence = _sentences(norm.text, toks)
        names = [
            _is_name(
                excerpt,
                word,
                i == 0 or sentence[i] != sentence[i - 1] or _after_quote(norm.text, toks[i][1]),
            )
            for i, (word, excerpt) in enumerate(zip(words, excerpts, strict=True))
        ]
        hits, exceptions = self._matches(words, excerpts, names, sentence, languages)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule_index, chain in hits:
            rule = self.rules[rule_index]
            action = self._action(rule, chain, words, exceptions.get(rule_index, ()))
            if action is None:
                continue
            first, last = chain[0][0], chain[-1][0]
            start, end = norm.original_span(toks[first][1], toks[last][2])
            key = (rule.id, start, end)
            if key in findings and SEVERITY[findings[key].action] >= SEVERITY[action]:
                continue
            findings[key] = Finding(
                rule_id=rule.id,
                category=rule.category,
                action=action,
                start=start,
                end=end,
                excerpt=text[start:end],
                message=dict(rule.message),
            )
        ordered = sorted(findings.values(), key=lambda f: (f.start, f.end, f.rule_id))
        return CheckResult(verdict=verdict_for(ordered), findings=ordered)

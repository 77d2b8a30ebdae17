"""Matching rules against a text and deciding the verdict.

For every word of the normalised text the lexicon says which pattern words it matches and
with which tags. Patterns are then matched as ordered sequences with small gaps. A match is
a *call to act* if its rule says so (``call: true``), if a matched word is an imperative,
"let's" form or first-person threat, or if the context makes it one ("өлтүрүү керек",
"уруп салгыла", "надо избить", "давайте ...", "убить бы"). A Russian match directly preceded
by a negation ("не бей", "нельзя бить") is not a match.

Exceptions (e.g. preventive or educational context) found within the rule's window around a
match lower its action to the rule's ``exception_action``; a call to act is never lowered
below ``review``, so it is never passed silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import kyrgyz, russian
from .lexicon import Lexicon
from .normalize import normalize, tokens
from .patterns import Pattern, WordSpec
from .result import CheckResult, Finding, verdict_for
from .rules import SEVERITY, Rule

Tags = frozenset[str]
Chain = list[tuple[int, Tags]]
LANGUAGE_CHOICES = ("ky", "ru")
# Characters that only appear inside a word's original text if it was spaced out.
_SPACING = frozenset(" .-_|/\\+~·")


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: int
    exception: bool
    elements: tuple[frozenset[int], ...]


def _sequences(elements: list[dict[int, Tags]], max_gap: int) -> list[Chain]:
    """Chains of token positions, one per element, each within ``max_gap`` of the last."""
    chains = []
    for start in sorted(elements[0]):
        chain: Chain = [(start, elements[0][start])]
        for positions in elements[1:]:
            prev = chain[-1][0]
            following = [i for i in positions if prev < i <= prev + max_gap + 1]
            if not following:
                break
            chain.append((min(following), positions[min(following)]))
        else:
            chains.append(chain)
    return chains


def _is_call(words: Sequence[str], chain: Chain) -> bool:
    for index, tags in chain:
        after = words[index + 1 : index + 3]
        before = words[max(0, index - 3) : index]
        if "call" in tags:
            return True
        if "verbal_noun" in tags and any(w in kyrgyz.NECESSITY for w in after):
            return True
        if "converb" in tags and after and kyrgyz.is_aux_call(after[0]):
            return True
        if "desire" in tags and after and kyrgyz.wants(after[0]):
            return True
        if "infinitive" in tags and (
            any(w in russian.MODALS for w in before) or russian.WISH in after
        ):
            return True
        if any(w in russian.CALL_WORDS for w in before):
            return True
    return False


class Checker:
    """Rules compiled for fast repeated checking."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        specs: dict[WordSpec, int] = {}
        self._compiled: list[_Compiled] = []
        self._by_spec: dict[int, list[tuple[int, int]]] = {}

        def compile_pattern(rule_index: int, pattern: Pattern, exception: bool) -> None:
            elements = tuple(
                frozenset(specs.setdefault(spec, len(specs)) for spec in alternatives)
                for alternatives in pattern.elements
            )
            for position, spec_ids in enumerate(elements):
                for spec_id in spec_ids:
                    self._by_spec.setdefault(spec_id, []).append((len(self._compiled), position))
            self._compiled.append(_Compiled(rule_index, exception, elements))

        for rule_index, rule in enumerate(self.rules):
            for pattern in rule.patterns:
                compile_pattern(rule_index, pattern, exception=False)
            for pattern in rule.exceptions:
                compile_pattern(rule_index, pattern, exception=True)
        self._lexicon = Lexicon(list(specs))

    def _lookup(self, word: str, excerpt: str) -> dict[int, Tags]:
        """Look ``word`` up; a spaced-out word may have swallowed a one-letter neighbour.

        "с п а й с в наличии" is rejoined as "спайсв": when such a rejoined word matches
        nothing, it is tried without its last and without its first letter.
        """
        hits = self._lexicon.lookup(word)
        if hits or len(word) < 4 or not any(c in _SPACING for c in excerpt):
            return hits
        return self._lexicon.lookup(word[:-1]) or self._lexicon.lookup(word[1:])

    def _matches(self, words: Sequence[str], excerpts: Sequence[str], languages: frozenset[str]):
        found: dict[int, list[dict[int, Tags]]] = {}
        for index, word in enumerate(words):
            for spec_id, tags in self._lookup(word, excerpts[index]).items():
                for compiled_id, position in self._by_spec[spec_id]:
                    compiled = self._compiled[compiled_id]
                    if self.rules[compiled.rule].language not in languages:
                        continue
                    if compiled_id not in found:
                        found[compiled_id] = [{} for _ in compiled.elements]
                    slot = found[compiled_id][position]
                    slot[index] = slot.get(index, frozenset()) | tags
        hits: list[tuple[int, Chain]] = []
        exceptions: dict[int, list[tuple[int, int]]] = {}
        for compiled_id, elements in found.items():
            if not all(elements):
                continue
            compiled = self._compiled[compiled_id]
            for chain in _sequences(elements, self.rules[compiled.rule].max_gap):
                if compiled.exception:
                    exceptions.setdefault(compiled.rule, []).append((chain[0][0], chain[-1][0]))
                else:
                    hits.append((compiled.rule, chain))
        return hits, exceptions

    @staticmethod
    def _action(
        rule: Rule, chain: Chain, words: Sequence[str], exceptions: Sequence[tuple[int, int]]
    ) -> str | None:
        """The action for one match of ``rule``, or ``None`` if it yields no finding."""
        first, last = chain[0][0], chain[-1][0]
        if rule.language == "ru" and first > 0 and words[first - 1] in russian.NEGATIONS:
            return None
        is_call = rule.call or _is_call(words, chain)
        if rule.only_calls and not is_call:
            return None
        action = rule.action
        window = rule.window
        if any(start <= last + window and end >= first - window for start, end in exceptions):
            lowered = rule.exception_action
            if is_call and SEVERITY[lowered] < SEVERITY["review"]:
                lowered = "review"
            action = min(action, lowered, key=SEVERITY.__getitem__)
        return None if action == "accept" else action

    def check(self, text: str, lang: str | None = None) -> CheckResult:
        """Check ``text``; ``lang`` ("ky" or "ru") limits the rules, ``None`` uses all."""
        if lang is not None and lang not in LANGUAGE_CHOICES:
            raise ValueError(f"lang must be one of {LANGUAGE_CHOICES} or None, not {lang!r}")
        languages = frozenset({lang, "any"} if lang else {"ky", "ru", "any"})
        norm = normalize(text)
        toks = tokens(norm.text)
        words = [word for word, _, _ in toks]
        excerpts = [text[slice(*norm.original_span(start, end))] for _, start, end in toks]
        hits, exceptions = self._matches(words, excerpts, languages)
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

"""How the words a rule matched make up a match: chains of pattern words within a gap, parts
of a "who & what" pattern within a span and a number of sentences, and whether a match is a
call to act (imperatives, "let's" forms, threats, "-ыш керек", "надо + infinitive" ...)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from . import kyrgyz, russian
from .rules import Rule

Tags = frozenset[str]
Chain = list[tuple[int, Tags]]


def sequences(elements: list[dict[int, Tags]], max_gap: int) -> list[Chain]:
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


def is_call(words: Sequence[str], chain: Chain) -> bool:
    for index, tags in chain:
        after = words[index + 1 : index + 3]
        before = words[max(0, index - 3) : index]
        if "call" in tags:
            return True
        if "verbal_noun" in tags and any(w in kyrgyz.NECESSITY for w in after):
            return True
        if "neg_converb" in tags and kyrgyz.until_rest(after):
            return True
        if "neg_present" in tags and kyrgyz.why_not(words[max(0, index - 8) : index]):
            return True
        if "converb" in tags and kyrgyz.aux_call(words[index + 1 : index + 4]):
            return True
        if "desire" in tags and after and kyrgyz.wants(after[0]):
            return True
        if "infinitive" in tags and (
            any(w in russian.MODALS for w in before)
            or russian.WISH in after
            or (after and after[0] in russian.MODALS_AFTER)
            or russian.has_phrase(words, index)
        ):
            return True
        if any(w in russian.CALL_WORDS for w in before):
            return True
    return False


def combine(chains: list[list[Chain]], rule: Rule, sentence: Sequence[int]) -> list[Chain]:
    """Chains of a pattern with parts: one chain per part, on different words, close enough.

    The part with the fewest chains anchors the search; the other parts only offer chains
    within the rule's span of the anchor, so long texts with common words stay cheap.
    """
    anchor_part = min(range(len(chains)), key=lambda k: len(chains[k]))
    combined: list[Chain] = []
    for anchor in chains[anchor_part]:
        low, high = anchor[-1][0] - rule.span, anchor[0][0] + rule.span
        near = [
            [c for c in part if c[0][0] >= low and c[-1][0] <= high]
            if k != anchor_part
            else [anchor]
            for k, part in enumerate(chains)
        ]
        if not all(near):
            continue
        for choice in product(*near):
            positions = [index for chain in choice for index, _ in chain]
            first, last = min(positions), max(positions)
            if len(set(positions)) < len(positions) or last - first > rule.span:
                continue
            if sentence[last] - sentence[first] > rule.sentences:
                continue
            combined.append(
                sorted((pair for chain in choice for pair in chain), key=lambda p: p[0])
            )
            if len(combined) >= 8:
                return combined
    return combined


def negated(words: Sequence[str], first: int) -> bool:
    """A Russian match preceded by a negation ("не бей", "нельзя бить", "не надо бить")."""
    return russian.negated(words, first)

"""Russian morphology: every inflected form of a dictionary word, with call tags.

Backend choice: ``pymorphy3`` with ``pymorphy3-dicts-ru``, used only when rules are compiled.
Each Russian pattern word is expanded into its full paradigm (``убить`` -> ``убей``,
``убейте``, ``убьём``, ``убил``, ``убитый`` ...), so checking a text is a dictionary look-up
per word and needs no analysis at run time. The paradigm also says which forms are
imperatives or first-person futures, which the "never pass a call silently" rule needs.

Measured on the Russian items of tests/data/moderation_eval.jsonl with the same rules, the
alternative - the Snowball Russian stemmer (``snowballstemmer``) comparing token stems with
pattern stems, imperatives guessed from endings - caught 104/116 prohibited items (recall
0.897) against 114/116 (0.983) for the paradigms, while flagging 0/97 vs 1/97 benign items.
Snowball cuts suppletive and alternating verbs inconsistently (``бить`` -> ``бит`` but
``бей`` -> ``бе``; ``убить`` -> ``уб`` but ``убью`` -> ``убь``), so calls and threats slip
through, and it cannot tell an imperative from other forms. The paradigms also make the
run-time cost a dictionary look-up; the price is one to three seconds of start-up.
"""

from __future__ import annotations

from functools import cache

import pymorphy3

Tags = frozenset[str]

CALL: Tags = frozenset({"call"})
INFINITIVE: Tags = frozenset({"infinitive"})
NONE: Tags = frozenset()

# Words that turn an infinitive into a call: "надо убить", "давайте избивать", "будем бить".
MODALS = frozenset(
    {
        "надо",
        "нужно",
        "необходимо",
        "пора",
        "следует",
        "стоит",
        "должны",
        "должен",
        "должна",
        "обязаны",
        "будем",
        "давайте",
        "давай",
        "хочу",
        "хочется",
        "хотим",
        "предлагаю",
        "призываю",
        "призываем",
    }
)
# Words that make any verb form a call: "пусть горят", "давайте разберёмся с ними".
CALL_WORDS = frozenset({"давайте", "давай", "пусть", "айда"})
# Words right before a match that negate it: "не убивай", "нельзя бить".
NEGATIONS = frozenset({"не", "нельзя", "ни"})
# "убить бы его": a wish expressed with the particle after the infinitive.
WISH = "бы"


@cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _tags(tag) -> Tags:
    if tag.mood == "impr" or ("futr" in tag and "1per" in tag):
        return CALL
    if tag.POS == "INFN":
        return INFINITIVE
    return NONE


def paradigm(word: str) -> dict[str, Tags]:
    """All forms of the dictionary word ``word`` mapped to their call tags.

    Only the analyses whose dictionary form is ``word`` itself are expanded, so ``сучка``
    yields the forms of "сучка" and not of "сучок". If the analyser does not know the word
    as a dictionary form, the word is matched as written.
    """
    forms: dict[str, Tags] = {}
    for parse in _analyzer().parse(word):
        if parse.normal_form.replace("ё", "е") != word:
            continue
        for form in parse.lexeme:
            surface = form.word.replace("ё", "е")
            forms[surface] = forms.get(surface, NONE) | _tags(form.tag)
    return forms or {word: NONE}

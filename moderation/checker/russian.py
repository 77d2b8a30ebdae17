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
        "нада",
        "надобно",
        "пусть",
        "пускай",
        "могу",
        "можем",
        "го",
    }
)
# Modals that make a call when they follow the infinitive: "бить будем", "гнать надо".
MODALS_AFTER = frozenset({"будем", "надо", "нужно", "пора", "должны", "давайте"})
# Words that make any verb form a call: "пусть горят", "давайте разберёмся с ними".
CALL_WORDS = frozenset({"давайте", "давай", "пусть", "пускай", "айда", "го", "погнали"})
# Words right before a match that negate it: "не убивай", "нельзя бить".
NEGATIONS = frozenset({"не", "нельзя", "ни"})
# Words between a negation and a match that keep it negated: "не надо бить", "не стоит
# пробовать", "никогда не пробуй", "не вздумай курить".
NEGATED_MODALS = frozenset(
    {
        "надо",
        "нужно",
        "стоит",
        "следует",
        "советую",
        "советуем",
        "вздумай",
        "вздумайте",
        "смей",
        "смейте",
        "пытайся",
        "пытайтесь",
        "должны",
        "должен",
        "будем",
        "давай",
        "давайте",
        "хочу",
        "позволяйте",
        "позволяй",
        "разрешайте",
        "надобно",
    }
)
# Words before "бы не" that make it a suggestion, not a negation: "почему бы не проучить".
SUGGEST_NOT = frozenset({"почему", "отчего", "чего", "что"})
# Phrases that make a following infinitive a (rhetorical) call: "а что если прибить",
# "было бы неплохо проучить", "хватит терпеть, пора ...". Each is a tuple of words that
# must stand together within a few words before the infinitive.
CALL_PHRASES = (
    ("что", "если"),
    ("а", "если"),
    ("почему", "бы"),
    ("неплохо", "бы"),
    ("хорошо", "бы"),
    ("мешало", "бы"),
    ("стоило", "бы"),
    ("надо", "бы"),
    ("нужно", "бы"),
    ("пора", "бы"),
    ("было", "бы", "неплохо"),
    ("было", "бы", "хорошо"),
    ("было", "бы", "круто"),
    ("было", "бы", "правильно"),
    ("было", "бы", "справедливо"),
    ("не", "помешает"),
    ("самое", "время"),
    ("хватит", "терпеть"),
    ("может", "просто"),
    ("может", "уже"),
)
CALL_PHRASE_REACH = 6
# "убить бы его": a wish expressed with the particle after the infinitive.
WISH = "бы"


def has_phrase(words, index: int) -> bool:
    """Whether one of :data:`CALL_PHRASES` stands within a few words before ``index``."""
    before = words[max(0, index - CALL_PHRASE_REACH) : index]
    for phrase in CALL_PHRASES:
        size = len(phrase)
        for start in range(len(before) - size + 1):
            if tuple(before[start : start + size]) == phrase:
                return True
    return False


def negated(words, first: int) -> bool:
    """A match preceded by a negation: "не бей", "нельзя бить", "не надо бить", "никогда не
    пробуй"; but not "почему бы не проучить", which is a suggestion."""
    if first == 0:
        return False
    previous = words[first - 1]
    if previous in NEGATIONS:
        if previous == "не" and first >= 3 and words[first - 2] == WISH:
            return words[first - 3] not in SUGGEST_NOT
        return True
    return previous in NEGATED_MODALS and first >= 2 and words[first - 2] in NEGATIONS


@cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _tags(tag) -> Tags:
    # Imperatives, first-person futures ("убью", "побьём") and first-person plural presents
    # of plans ("завтра ловим его и ломаем ему ноги", "прыгаем вместе").
    if tag.mood == "impr" or ("1per" in tag and ("futr" in tag or {"pres", "plur"} in tag)):
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

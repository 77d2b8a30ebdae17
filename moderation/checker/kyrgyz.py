"""Kyrgyz morphology: which surface endings a nominal or verbal stem can take.

Kyrgyz is agglutinative, so a stem is matched by a token that starts with it and ends with
a valid chain of suffixes. The chains are generated from morpheme templates under vowel
harmony and consonant assimilation:

* ``A`` - low vowel: а after а/ы/у, о after о, е after е/и, ө after ө/ү;
* ``I`` - high vowel: ы after а/ы, у after о/у, и after е/и, ү after ө/ү;
* ``U`` - long high vowel of the verbal noun: уу (back) or үү (front);
* ``L`` - л after a vowel, р or й; т after a voiceless consonant; д otherwise (plural);
* ``R`` - л after a vowel or й; т after a voiceless consonant; д otherwise (-лык, -луу);
* ``N`` - н after a vowel; т after a voiceless consonant; д otherwise (genitive, accusative);
* ``D``/``G``/``B`` - voiced д/г/б, or voiceless т/к/п after a voiceless consonant.

Stem-final к/п voice to г/б before a vowel (``китеп`` -> ``китеби``, ``сабак`` -> ``сабагы``);
the plain stem is also accepted before vowels because loanwords often keep it. A stem-final
й merges with a following vowel in writing (``кой`` + ``уп`` -> ``коюп``, ``сой`` + ``ат`` ->
``соят``). A vowel-final verb stem forms its verbal noun with a long vowel (``саба`` ->
``сабоо``).

Derivations that flip the meaning are deliberately absent from the chains, so they never
match: the privative ``-сыз/-сиз/-суз/-сүз`` ("without") and the verbal negation
``-ба/-бе/-бо/-бө``. Two negative constructions that still call to act are the exception;
their endings carry a ``negative`` tag and the engine keeps such a match only when the
context makes it a call: the negative converb or "until" form before "I won't rest"
(``сайбай тынчыбайм``, ``өлтүрмөйүнчө тынбайм``) and the rhetorical "why don't we ...?"
(``эмнеге ... тепкилебейбиз?``).

Every ending carries tags used by the engine: ``call`` (imperatives, "let's", threats in the
first person), ``verbal_noun`` (a call when followed by "керек"), ``converb`` (a call when an
auxiliary verb after it is imperative), ``desire`` (a call when followed by "келет"),
``neg_converb`` and ``neg_present`` (see above; both also carry ``negative``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

Tags = frozenset[str]
SuffixMap = dict[str, Tags]

VOWELS = frozenset("аеэиоөуүыюяё")
_VOICELESS = frozenset("кпстфхцчшщ")
_HARMONY = {"а": "а", "ы": "а", "я": "а", "у": "у", "ю": "у", "о": "о", "ё": "о"}
_HARMONY.update({"е": "е", "э": "е", "и": "е", "ө": "ө", "ү": "ө"})
_HIGH = {"а": "ы", "у": "у", "о": "у", "е": "и", "ө": "ү"}
_LOW = {"а": "а", "у": "а", "о": "о", "е": "е", "ө": "ө"}
_LONG = {"а": "уу", "у": "уу", "о": "уу", "е": "үү", "ө": "үү"}
_ALTERNATION = {"к": "г", "п": "б"}
# й + vowel is written as one iotated letter (ё is already normalised to е).
_IOTATED = {"у": "ю", "а": "я", "о": "е"}

NONE: Tags = frozenset()
CALL: Tags = frozenset({"call"})
VERBAL_NOUN: Tags = frozenset({"verbal_noun"})
CONVERB: Tags = frozenset({"converb"})
DESIRE: Tags = frozenset({"desire"})
NEGATIVE = "negative"
NEG_CONVERB: Tags = frozenset({NEGATIVE, "neg_converb"})
NEG_PRESENT: Tags = frozenset({NEGATIVE, "neg_present"})

# (after a consonant, after a vowel)
_POSSESSIVE = [
    ("Iм", "м"),
    ("Iң", "ң"),
    ("IңIз", "ңIз"),
    ("I", "сI"),
    ("IбIз", "бIз"),
    ("IңAр", "ңAр"),
]
_CASES = ["NIн", "NI", "GA", "DA", "DAн", "DAгI", "DAй"]
_CASES_AFTER_3RD = ["нIн", "н", "нA", "ндA", "нAн", "ндAгI"]
_PREDICATE = ["мIн", "сIң", "BIз", "сIңAр", "BI"]
_DERIVATIONS = ["", "чI", "RIк", "RU"]

_IMPERATIVE = [
    ("", ""),
    ("GIн", "GIн"),
    ("GIлA", "GIлA"),
    ("IңIз", "ңIз"),
    ("IңIздAр", "ңIздAр"),
    ("сIн", "сIн"),
]
_OPTATIVE = [
    ("AлI", "йлI"),
    ("AйIн", "йIн"),
    ("Aм", "йм"),
    ("AбIз", "йбIз"),
    ("AмIн", "ймIн"),
    ("мAкчIмIн", "мAкчIмIн"),
    ("мAкчIбIз", "мAкчIбIз"),
]
_FINITE = [
    ("DI", "DI"),
    ("DIм", "DIм"),
    ("DIң", "DIң"),
    ("DIк", "DIк"),
    ("DIңIз", "DIңIз"),
    ("DIңAр", "DIңAр"),
    ("IштI", "штI"),
    ("Aт", "йт"),
    ("AсIң", "йсIң"),
    ("AсIз", "йсIз"),
    ("AсIңAр", "йсIңAр"),
    ("IшAт", "шAт"),
    ("сA", "сA"),
    ("сAм", "сAм"),
    ("сAң", "сAң"),
    ("сAк", "сAк"),
    ("Aр", "р"),
    ("GAнмIн", "GAнмIн"),
    ("мAкчI", "мAкчI"),
    ("мAк", "мAк"),
    ("GIчA", "GIчA"),
    ("чU", "чU"),
]
_DESIRE = [("GIм", "GIм"), ("GIң", "GIң"), ("GIсI", "GIсI"), ("GIбIз", "GIбIз"), ("GIңAр", "GIңAр")]
_VOICE = [("", ""), ("Iл", "л"), ("Iш", "ш")]
# Negative converb and "until" ("сайбай", "өлтүрмөйүнчө"); negative present ("тепкилебейбиз").
_NEG_CONVERB = ["BAй", "мAйIнчA"]
_NEG_PRESENT = ["BAйм", "BAйсIң", "BAйт", "BAйбIз", "BAйсIңAр", "BAйсIз", "BAйбIзбI"]


def harmony(word: str) -> str:
    """The harmony class of ``word``: one of а, у, о, е, ө (its last vowel's group)."""
    for ch in reversed(word):
        if ch in _HARMONY:
            return _HARMONY[ch]
    return "а"


def _final(word: str) -> str:
    last = word[-1]
    if last in VOWELS:
        return "vowel"
    if last in "рй":
        return "liquid"
    return "voiceless" if last in _VOICELESS else "voiced"


def attach(word: str, template: str) -> str:
    """Append a morpheme template to ``word`` resolving harmony and assimilation."""
    out = word
    for ch in template:
        if ch == "A":
            out += _LOW[harmony(out)]
        elif ch == "I":
            out += _HIGH[harmony(out)]
        elif ch == "U":
            out += _LONG[harmony(out)]
        elif ch in "LRNDGB":
            final = _final(out)
            if final == "voiceless":
                out += {"L": "т", "R": "т", "N": "т", "D": "т", "G": "к", "B": "п"}[ch]
            elif (ch == "L" and final in ("vowel", "liquid")) or (
                ch == "R" and (final == "vowel" or out[-1] == "й")
            ):
                out += "л"
            elif ch == "N" and final == "vowel":
                out += "н"
            else:
                out += {"L": "д", "R": "д", "N": "д", "D": "д", "G": "г", "B": "б"}[ch]
        else:
            out += ch
    return out


def _pick(word: str, variants: tuple[str, str] | str) -> str:
    if isinstance(variants, str):
        return variants
    return variants[1] if _final(word) == "vowel" else variants[0]


def _nominal_forms(word: str, with_predicate: bool) -> list[str]:
    """All forms of a nominal: plural, possessive, case, then a predicate ending."""
    forms = []
    for plural in (word, attach(word, "LAр")):
        forms.append(plural)
        for index, poss in enumerate(_POSSESSIVE):
            possessed = attach(plural, _pick(plural, poss))
            forms.append(possessed)
            cases = _CASES_AFTER_3RD if index == 3 else _CASES
            forms.extend(attach(possessed, case) for case in cases)
            if index < 2:
                forms.append(attach(possessed, "A"))
        forms.extend(attach(plural, case) for case in _CASES)
        # "диндегилер", "айылдагыларды": those of / in (a religion, a village).
        those = attach(attach(plural, "DAгI"), "LAр")
        forms.append(those)
        forms.extend(attach(those, case) for case in _CASES)
    if with_predicate:
        forms.extend([attach(form, pred) for form in forms for pred in _PREDICATE])
    return forms


def _representative(word: str) -> str:
    """A short word with the same harmony class and final sound as ``word``."""
    vowel = harmony(word)
    final = _final(word)
    if final == "vowel":
        return "б" + vowel
    return "б" + vowel + {"liquid": "р", "voiced": "н", "voiceless": "т"}[final]


def _suffixes(rep: str, forms: list[tuple[str, Tags]]) -> SuffixMap:
    out: SuffixMap = {}
    for form, tags in forms:
        suffix = form[len(rep) :]
        out[suffix] = out.get(suffix, NONE) | tags
    return out


@cache
def noun_suffixes(rep: str) -> SuffixMap:
    """Endings of a nominal stem whose representative (see above) is ``rep``."""
    forms = []
    for derivation in _DERIVATIONS:
        derived = attach(rep, derivation)
        forms.extend((form, NONE) for form in _nominal_forms(derived, with_predicate=True))
    return _suffixes(rep, forms)


@cache
def verb_suffixes(rep: str) -> SuffixMap:
    """Endings of a verbal stem whose representative is ``rep``."""
    forms: list[tuple[str, Tags]] = []
    for voice in _VOICE:
        stem = attach(rep, _pick(rep, voice))
        # A bare extended stem is a noun more often than an imperative ("уруш" - a fight).
        imperative = _IMPERATIVE if voice == ("", "") else _IMPERATIVE[1:]
        for group, tags in ((imperative, CALL), (_OPTATIVE, CALL), (_FINITE, NONE)):
            forms.extend((attach(stem, _pick(stem, v)), tags) for v in group)
        forms.extend((attach(stem, _pick(stem, v)), DESIRE) for v in _DESIRE)
        forms.append((attach(stem, _pick(stem, ("Iп", "п"))), CONVERB))
        forms.extend((attach(stem, v), NEG_CONVERB) for v in _NEG_CONVERB)
        forms.extend((attach(stem, v), NEG_PRESENT) for v in _NEG_PRESENT)
        participle = attach(stem, "GAн")
        forms.extend((form, NONE) for form in _nominal_forms(participle, with_predicate=False))
        noun = attach(stem, _pick(stem, ("Iш", "ш")))
        forms.extend((form, VERBAL_NOUN) for form in _nominal_forms(noun, with_predicate=False))
        if _final(stem) != "vowel":
            long_noun = attach(stem, "U")
            forms.extend((f, VERBAL_NOUN) for f in _nominal_forms(long_noun, with_predicate=False))
            agent = attach(long_noun, "чU")
            forms.extend((f, NONE) for f in _nominal_forms(agent, with_predicate=False))
    return _suffixes(rep, forms)


_CONTRACTED_CONVERB: SuffixMap = {"п": CONVERB}


@cache
def _long_vowel_noun_suffixes(long_vowel: str) -> SuffixMap:
    rep = "б" + long_vowel
    forms = [(f, VERBAL_NOUN) for f in _nominal_forms(rep, with_predicate=False)]
    agent = attach(rep, "чU")
    forms.extend((f, NONE) for f in _nominal_forms(agent, with_predicate=False))
    return {long_vowel + s: t for s, t in _suffixes(rep, forms).items()}


@cache
def _vowel_initial(rep: str, verb: bool) -> SuffixMap:
    suffixes = (verb_suffixes if verb else noun_suffixes)(rep)
    return {s: t for s, t in suffixes.items() if s and s[0] in VOWELS}


@cache
def _iotated(rep: str, verb: bool) -> SuffixMap:
    return {
        _IOTATED[s[0]] + s[1:]: t for s, t in _vowel_initial(rep, verb).items() if s[0] in _IOTATED
    }


@cache
def _without_bare_call(rep: str) -> SuffixMap:
    suffixes = dict(verb_suffixes(rep))
    suffixes[""] = NONE
    return suffixes


def surfaces(stem: str, verb: bool) -> list[tuple[str, SuffixMap]]:
    """The surface stems of ``stem`` with the endings each of them can take.

    The returned mappings are shared between stems and must not be modified.
    """
    rep = _representative(stem)
    if verb and stem[-1] in "оө":
        # "кордоо" (humiliating) collapses to "кордо" (humiliate!) when doubled letters are
        # merged, so the bare imperative of such stems is not taken as a call.
        out = [(stem, _without_bare_call(rep))]
    else:
        out = [(stem, (verb_suffixes if verb else noun_suffixes)(rep))]
    if stem[-1] in _ALTERNATION and len(stem) > 2:
        out.append((stem[:-1] + _ALTERNATION[stem[-1]], _vowel_initial(rep, verb)))
    if stem[-1] == "й" and len(stem) > 2:
        out.append((stem[:-1], _iotated(rep, verb)))
    if verb and stem[-1] == "п" and len(stem) > 2 and stem[-2] in "аоеө":
        # "жап" + "ып" is written with a long vowel: "жаап салгыла" (close it down!).
        out.append((stem[:-1] + stem[-2], _CONTRACTED_CONVERB))
    if verb and stem[-1] in VOWELS and len(stem) > 2:
        if stem[-1] in "аоеө":
            long_vowel = "оо" if stem[-1] in "ао" else "өө"
            out.append((stem[:-1], _long_vowel_noun_suffixes(long_vowel)))
        else:
            out.append((stem, _long_vowel_noun_suffixes(_HIGH[harmony(stem)])))
    return out


def has_call_ending(token: str, stem: str) -> bool:
    """True if ``token`` is ``stem`` (a verb) in an imperative or "let's" form."""
    if not token.startswith(stem):
        return False
    return "call" in verb_suffixes(_representative(stem)).get(token[len(stem) :], NONE)


# Words that turn a verbal noun into an obligation: "өлтүрүү керек" (must kill).
NECESSITY = frozenset(
    {
        "керек",
        "зарыл",
        "тийиш",
        "шарт",
        "милдеттүү",
        "милдет",
        "милдетибиз",
        "милдетиң",
        "парз",
        "абзел",
        "кажет",
        "керекпиз",
        "керексиң",
        "керексиңер",
    }
)
# Auxiliary verbs that follow a converb: "уруп салгыла" (beat [them] up!), "тартып көргүлө"
# (try smoking!).
AUXILIARIES = ("сал", "кой", "жибер", "бер", "кет", "ташта", "кал", "чык", "тур", "көр", "ал")


# Auxiliaries in the "-a" converb that chain with another auxiliary ("кете бер").
_AUX_CONVERBS = frozenset({"кете", "сала", "жибере", "кала", "ала", "кое", "коё", "бере", "тура"})


def is_aux_call(token: str) -> bool:
    """True if ``token`` is an auxiliary verb in an imperative or "let's" form."""
    return any(has_call_ending(token, aux) for aux in AUXILIARIES)


@cache
def _is_aux_verbal_noun(token: str) -> bool:
    for aux in AUXILIARIES:
        for surface, suffixes in surfaces(aux, verb=True):
            if token.startswith(surface) and "verbal_noun" in suffixes.get(
                token[len(surface) :], NONE
            ):
                return True
    return False


@cache
def _is_aux_until(token: str) -> bool:
    for aux in AUXILIARIES:
        for surface, suffixes in surfaces(aux, verb=True):
            if token.startswith(surface) and "neg_converb" in suffixes.get(
                token[len(surface) :], NONE
            ):
                return True
    return False


def aux_call(after: Sequence[str]) -> bool:
    """True if the words ``after`` a converb make it a call: an imperative auxiliary
    ("жаап салгыла") or an auxiliary's verbal noun before "керек" ("жаап салыш керек")."""
    if not after:
        return False
    if is_aux_call(after[0]):
        return True
    if after[0] in _AUX_CONVERBS and len(after) > 1 and is_aux_call(after[1]):
        return True  # "секирип кете бер" (go ahead and jump!)
    if _is_aux_until(after[0]) and until_rest(after[1:]):
        return True  # "санап чыкмайынча тынбайм" (I won't rest until I've counted [his ribs])
    return (
        len(after) > 1 and any(w in NECESSITY for w in after[1:3]) and _is_aux_verbal_noun(after[0])
    )


# "I won't rest until ...": what follows a negative converb to make it a threat.
_UNTIL_REST = ("тынчыба", "тынба", "тынчтанба", "токтобо", "койбо", "уктаба", "жанба")
# "Why don't we ...?": a negative present after these words is a suggestion.
WHY = frozenset({"эмнеге", "неге"})


def until_rest(after: Sequence[str]) -> bool:
    """True if the words ``after`` a negative converb say "I won't rest" ("тынчыбайм")."""
    if not after:
        return False
    if after[0].startswith(_UNTIL_REST):
        return True
    return len(after) > 1 and after[0] in ("эс", "жай") and after[1].startswith("алба")


def why_not(before: Sequence[str]) -> bool:
    """True if the words ``before`` a negative present ask "why don't we" ("эмнеге")."""
    return any(w in WHY for w in before) or any(
        a == "эмне" and b == "үчүн" for a, b in pairwise(before)
    )


def wants(token: str) -> bool:
    """True if ``token`` is a positive form of "келүү" after a desiderative ("келет")."""
    return token.startswith("кел") and not token.startswith(("келбе", "келбей"))

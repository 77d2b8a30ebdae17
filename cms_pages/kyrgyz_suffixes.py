"""A small, conservative Kyrgyz suffix stripper for the site search.

Kyrgyz builds word forms by adding suffixes to an unchanging stem, in a fixed order:
stem + plural + possessive + case, e.g. мектеп-тер-ибиз-ге "to our schools". Each suffix has
variants chosen by vowel harmony (the suffix's vowel follows the last vowel of the stem: back
а о у ы, front е ө и ү) and by the sound before it (-дар after a voiced sound, -тар after a
voiceless one, -лар after a vowel). The search only needs the same key for a base word and its
inflected forms, so this stripper removes at most one case ending, then one possessive ending,
then one plural ending, from the end of the word:

    мектептин -> мектеп      уставын -> устав      лицензиясы -> лицензия
    класска -> класс         мугалимдер -> мугалим  мектептеги -> мектеп

Conservative by design: a suffix is removed only when its vowel agrees with the stem's last
vowel, when the sound before it allows that variant, and when the stem left has at least
`MIN_STEM_LENGTH` letters with a vowel among them. First and second person singular
possessives (-ым, -ың, -м, -ң) and the bare dative -а/-е are left alone: one letter is too often
part of the word itself. A stem whose last consonant was voiced before a vowel (мектеп ->
мектеби, сабак -> сабагы) ends in п/к again, so both spellings give one key.
"""

MIN_STEM_LENGTH = 3

BACK_VOWELS = frozenset("аоуыяюё")
FRONT_VOWELS = frozenset("еөиүэ")
VOWELS = BACK_VOWELS | FRONT_VOWELS
# Voiced stem-final consonants that stand for п and к before a vowel-initial suffix.
DEVOICED = {"б": "п", "г": "к"}

AFTER_VOWEL = "vowel"
# The n-forms of the cases follow a third-person possessive (устав-ы-н, мектеб-и-нде), never
# another vowel: китепкана keeps its -на.
AFTER_POSSESSIVE = "possessive"
POSSESSIVE_VOWELS = frozenset("ыиуү")
AFTER_CONSONANT = "consonant"
ANYWHERE = "any"


def _family(*variants: str, after: str) -> list[tuple[str, str]]:
    return [(variant, after) for variant in variants]


# Case endings, longest first within the table (the stripper tries the longest match).
CASE_ENDINGS = [
    # Locative attributive: "in the school's ..." (мектептеги).
    *_family("дагы", "деги", "догу", "дөгү", after=ANYWHERE),
    *_family("тагы", "теги", "тогу", "төгү", after=AFTER_CONSONANT),
    *_family("ндагы", "ндеги", "ндогу", "ндөгү", after=AFTER_POSSESSIVE),
    # Genitive.
    *_family("нын", "нин", "нун", "нүн", after=AFTER_VOWEL),
    *_family("дын", "дин", "дун", "дүн", after=AFTER_CONSONANT),
    *_family("тын", "тин", "тун", "түн", after=AFTER_CONSONANT),
    # Ablative.
    *_family("дан", "ден", "дон", "дөн", after=ANYWHERE),
    *_family("тан", "тен", "тон", "төн", after=AFTER_CONSONANT),
    *_family("нан", "нен", "нон", "нөн", after=AFTER_POSSESSIVE),
    # Locative.
    *_family("да", "де", "до", "дө", after=ANYWHERE),
    *_family("та", "те", "то", "тө", after=AFTER_CONSONANT),
    *_family("нда", "нде", "ндо", "ндө", after=AFTER_POSSESSIVE),
    # Dative.
    *_family("га", "ге", "го", "гө", after=ANYWHERE),
    *_family("ка", "ке", "ко", "кө", after=AFTER_CONSONANT),
    *_family("на", "не", "но", "нө", after=AFTER_POSSESSIVE),
    # Accusative; a bare -н follows a third-person possessive (устав-ы-н).
    *_family("ны", "ни", "ну", "нү", after=AFTER_VOWEL),
    *_family("ды", "ди", "ду", "дү", after=AFTER_CONSONANT),
    *_family("ты", "ти", "ту", "тү", after=AFTER_CONSONANT),
    *_family("н", after=AFTER_POSSESSIVE),
]

POSSESSIVE_ENDINGS = [
    # Our (мектебибиз), your polite (балаңыз).
    *_family("ыбыз", "ибиз", "убуз", "үбүз", after=AFTER_CONSONANT),
    *_family("быз", "биз", "буз", "бүз", after=AFTER_VOWEL),
    *_family("ыңыз", "иңиз", "уңуз", "үңүз", after=AFTER_CONSONANT),
    *_family("ңыз", "ңиз", "ңуз", "ңүз", after=AFTER_VOWEL),
    # His, her, its, their (уставы, лицензиясы).
    *_family("сы", "си", "су", "сү", after=AFTER_VOWEL),
    *_family("ы", "и", "у", "ү", after=AFTER_CONSONANT),
]

PLURAL_ENDINGS = [
    *_family("лар", "лер", "лор", "лөр", after=AFTER_VOWEL),
    *_family("лар", "лер", "лор", "лөр", after=AFTER_CONSONANT),
    *_family("дар", "дер", "дор", "дөр", after=AFTER_CONSONANT),
    *_family("тар", "тер", "тор", "төр", after=AFTER_CONSONANT),
]

LAYERS = (CASE_ENDINGS, POSSESSIVE_ENDINGS, PLURAL_ENDINGS)


def _last_vowel(text: str) -> str | None:
    for letter in reversed(text):
        if letter in VOWELS:
            return letter
    return None


def _harmonises(stem: str, suffix: str) -> bool:
    """True when the suffix's vowel is back after a back stem and front after a front one."""
    suffix_vowel = _last_vowel(suffix)
    if suffix_vowel is None:
        return True
    stem_vowel = _last_vowel(stem)
    if stem_vowel is None:
        return False
    return (stem_vowel in BACK_VOWELS) == (suffix_vowel in BACK_VOWELS)


def _may_strip(word: str, suffix: str, after: str) -> bool:
    if not word.endswith(suffix):
        return False
    stem = word[: -len(suffix)]
    if len(stem) < MIN_STEM_LENGTH or _last_vowel(stem) is None:
        return False
    ends_in_vowel = stem[-1] in VOWELS
    if after == AFTER_VOWEL and not ends_in_vowel:
        return False
    if after == AFTER_CONSONANT and ends_in_vowel:
        return False
    if after == AFTER_POSSESSIVE and stem[-1] not in POSSESSIVE_VOWELS:
        return False
    return _harmonises(stem, suffix)


def _strips(word: str, endings: list[tuple[str, str]]) -> list[str]:
    """The word itself and the word without each ending of the layer that it may lose."""
    return [word] + [
        word[: -len(suffix)] for suffix, after in endings if _may_strip(word, suffix, after)
    ]


def _devoiced(stem: str) -> str:
    if len(stem) >= MIN_STEM_LENGTH and stem[-1] in DEVOICED:
        return stem[:-1] + DEVOICED[stem[-1]]
    return stem


def kyrgyz_stems(word: str) -> tuple[str, ...]:
    """The keys of a lower-case Kyrgyz word: the word without its case, possessive and plural
    endings, its final б/г written п/к; the most stripped key first.

    Some endings read two ways (телефону is телефон with -у "its", or телефо with the accusative
    -ну, as короону is короо with -ну), and only a dictionary could tell which; so every reading
    the rules allow gives a key, and a base word matches whichever reading is right.
    """
    stems = [word]
    for endings in LAYERS:
        stems = [shorter for stem in stems for shorter in _strips(stem, endings)]
    keys = dict.fromkeys(_devoiced(stem) for stem in sorted(stems, key=len))
    return tuple(keys)

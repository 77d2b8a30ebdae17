"""Kyrgyz morphology: suffix chains under vowel harmony, alternations and meaning flips."""

import pytest

from moderation.checker import check, kyrgyz


def _tags(token: str, stem: str, verb: bool):
    for surface, suffixes in kyrgyz.surfaces(stem, verb):
        if token.startswith(surface) and token[len(surface) :] in suffixes:
            return suffixes[token[len(surface) :]]
    return None


@pytest.mark.parametrize(
    ("word", "template", "expected"),
    [
        ("китеп", "LAр", "китептер"),
        ("үй", "LAр", "үйлөр"),
        ("кол", "LAр", "колдор"),
        ("окуучу", "LAр", "окуучулар"),
        ("бала", "NIн", "баланын"),
        ("мектеп", "GA", "мектепке"),
        ("шаар", "RIк", "шаардык"),
        ("зомбулук", "RU", "зомбулуктуу"),
    ],
)
def test_morphemes_follow_vowel_harmony_and_consonant_assimilation(word, template, expected):
    assert kyrgyz.attach(word, template) == expected


@pytest.mark.parametrize(
    "token", ["китептер", "китеби", "китебимден", "китептерибизге", "китепте", "китептеги"]
)
def test_noun_stem_matches_plural_possessive_and_case_forms(token):
    assert _tags(token, "китеп", verb=False) is not None


def test_final_k_alternates_with_g_before_a_vowel():
    assert _tags("сабагы", "сабак", verb=False) is not None
    assert _tags("жүрөгүм", "жүрөк", verb=False) is not None


def test_final_y_merges_with_the_next_vowel_in_writing():
    assert _tags("коюп", "кой", verb=True) == kyrgyz.CONVERB


def test_disharmonic_ending_is_not_a_match():
    assert _tags("китептар", "китеп", verb=False) is None


@pytest.mark.parametrize(
    ("token", "stem"),
    [("зомбулуксуз", "зомбулук"), ("зомбулуксуздук", "зомбулук"), ("баңгизатсыз", "баңгизат")],
)
def test_without_suffix_is_not_a_match(token, stem):
    assert _tags(token, stem, verb=False) is None


def test_without_suffix_text_about_a_violence_free_school_is_accepted():
    assert check("Мектепте зомбулуксуз чөйрө түзөбүз.", "ky").verdict == "accept"


@pytest.mark.parametrize(
    ("token", "stem"), [("өлтүрбө", "өлтүр"), ("өлтүрбөгүлө", "өлтүр"), ("сабаба", "саба")]
)
def test_negative_verb_forms_are_not_a_match(token, stem):
    assert _tags(token, stem, verb=True) is None


@pytest.mark.parametrize("token", ["өлтүр", "өлтүргүлө", "өлтүрөлү", "өлтүрсүн", "өлтүрүңүз"])
def test_imperative_and_lets_forms_are_calls(token):
    assert "call" in _tags(token, "өлтүр", verb=True)


def test_narrative_forms_are_not_calls():
    for token in ("өлтүрдү", "өлтүргөн", "өлтүрүлгөн", "өлтүрүшкөн"):
        tags = _tags(token, "өлтүр", verb=True)
        assert tags is not None and "call" not in tags, token


def test_vowel_final_verb_forms_its_verbal_noun_with_a_long_vowel():
    assert _tags("сабоо", "саба", verb=True) == kyrgyz.VERBAL_NOUN
    assert _tags("сабоого", "саба", verb=True) == kyrgyz.VERBAL_NOUN


def test_lesson_is_not_mistaken_for_the_verb_to_beat():
    assert _tags("сабагы", "саба", verb=True) is None
    assert _tags("сабагыла", "саба", verb=True) == kyrgyz.CALL


def test_kyrgyz_call_to_beat_is_rejected_but_the_lesson_is_accepted():
    assert check("Ал баланы сабагыла!", "ky").verdict == "reject"
    assert check("5-класстын сабагы эртең башталат.", "ky").verdict == "accept"


def test_verbal_noun_with_kerek_is_a_call():
    assert check("Аны өлтүрүш керек.", "ky").verdict == "reject"


def test_converb_with_imperative_auxiliary_is_a_call():
    assert check("Ошол баланы уруп салгыла.", "ky").verdict == "reject"
    assert check("Бир окуучу экинчисин уруп жиберген учур талкууланды.", "ky").verdict == "accept"


def test_passive_narrative_in_history_is_accepted():
    text = "1916-жылы миңдеген адамдар өлтүрүлгөн, бул тарыхый кайгы."
    assert check(text, "ky").verdict == "accept"

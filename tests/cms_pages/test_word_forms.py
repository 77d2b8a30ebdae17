"""Word keys for the site search: an inflected Kyrgyz or Russian word and its base word share a
key, and the Kyrgyz stripper leaves alone what is not an ending."""

import pytest

from cms_pages.kyrgyz_suffixes import kyrgyz_stems
from cms_pages.word_forms import forms, index_words, query_words


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("мектептин", "мектеп"),  # genitive after a voiceless consonant
        ("мектептеги", "мектеп"),  # locative attributive
        ("мектебибиз", "мектеп"),  # "our school": п voiced before the possessive
        ("мектебинде", "мектеп"),  # possessive + locative
        ("уставын", "устав"),  # possessive + accusative
        ("уставы", "устав"),  # possessive
        ("лицензиясы", "лицензия"),  # possessive after a vowel
        ("лицензияга", "лицензия"),  # dative
        ("класска", "класс"),  # dative after a voiceless consonant
        ("мугалимдер", "мугалим"),  # plural after a voiced consonant
        ("мугалимдерибизге", "мугалим"),  # plural + possessive + dative
        ("окуучуларга", "окуучу"),  # plural after a vowel + dative
        ("китепканадан", "китепкана"),  # ablative
        ("коопсуздугу", "коопсуздук"),  # к voiced before the possessive
        ("Асанованын".casefold(), "асанова"),  # a surname in the genitive
    ],
)
def test_an_inflected_kyrgyz_word_has_its_base_word_among_its_keys(word, base):
    assert base in kyrgyz_stems(word)


@pytest.mark.parametrize(
    "word",
    [
        "китепкана",  # ends in -на, but no possessive comes before it
        "менен",  # ends in -н after е, which is no possessive
        "телефон",
        "алуу",  # a verbal noun: -у after a vowel is no possessive
        "жана",  # too short to lose -на
        "үйгө",  # the stem үй is shorter than the minimal stem
        "ата",
    ],
)
def test_the_kyrgyz_stripper_keeps_words_that_have_no_ending(word):
    assert word in kyrgyz_stems(word)
    assert min(len(key) for key in kyrgyz_stems(word)) >= min(3, len(word))


def test_a_word_read_two_ways_has_a_key_for_each_reading():
    # телефон + possessive -у, or (like короо-ну) a stem + accusative -ну.
    assert {"телефон", "телефо"} <= set(kyrgyz_stems("телефону"))


def test_no_key_is_shorter_than_the_minimal_stem():
    for word in ("балдардын", "ишине", "атасы", "үйүбүздө"):
        assert all(len(key) >= 3 for key in kyrgyz_stems(word)), word


@pytest.mark.parametrize(
    ("word", "base"),
    [("лицензии", "лицензия"), ("асановой", "асанова"), ("психологу", "психолог")],
)
def test_an_inflected_russian_word_shares_a_key_with_its_base_word(word, base):
    assert set(forms(word, "ru")) & set(forms(base, "ru"))


def test_words_are_lower_case_with_yo_as_ye_and_split_at_hyphens_and_punctuation():
    assert index_words(["Приём: педагог-психолог!"], "ky") == [
        "прием",
        "педагог",
        "педагок",
        "психолог",
        "психолок",
    ]


def test_a_query_drops_joining_words_unless_it_has_nothing_else():
    assert [word.forms[0] for word in query_words("приём в 1 класс", "ru")] == [
        "прием",
        "1",
        "класс",
    ]
    assert [word.forms[0] for word in query_words("в", "ru")] == ["в"]
    assert query_words('"-\x00', "ru") == []

"""Normalisation: obfuscation is undone and offsets still point into the original text."""

from moderation.checker import normalize
from moderation.checker.normalize import dedup, tokens


def _words(text: str) -> list[str]:
    return [word for word, _, _ in tokens(normalize(text).text)]


def test_case_is_folded_and_yo_becomes_ye():
    assert normalize("ЁЛКА Жаңы").text == "елка жаңы"


def test_kyrgyz_letters_are_kept():
    assert normalize("ӨЗҮҢ ҮЙҮҢӨ").text == "өзүң үйүңө"


def test_zero_width_and_soft_hyphen_are_removed_with_offsets_kept():
    original = "у\u200bби\u00adть его"
    norm = normalize(original)
    assert norm.text == "убить его"
    start, end = norm.original_span(0, 5)
    assert original[start:end] == "у\u200bби\u00adть"


def test_latin_lookalikes_inside_cyrillic_words_are_mapped():
    assert _words("yбить нaркoтик Kaзинo") == ["убить", "наркотик", "казино"]


def test_digit_lookalikes_between_letters_are_mapped_but_numbers_stay():
    assert _words("нарк0тик 3оопарк 2024 10б") == ["наркотик", "зоопарк", "2024", "10б"]


def test_at_sign_inside_a_word_is_read_as_a():
    assert _words("к@зино") == ["казино"]


def test_latin_words_without_cyrillic_are_left_alone():
    assert _words("school@mail.kg") == ["school", "mail", "kg"]


def test_spaced_out_letters_are_rejoined_with_any_separator():
    for text in ("у б и т ь", "у.б.и.т.ь", "у-б-и-т-ь", "у_б_и_т_ь", "у . б . и . т . ь"):
        assert _words(text) == ["убить"], text


def test_two_single_letters_are_not_joined():
    assert _words("А. С. Пушкин") == ["а", "с", "пушкин"]


def test_stretched_letters_collapse_but_double_letters_stay():
    assert _words("ууубить өлтүрүү класс") == ["убить", "өлтүрүү", "класс"]


def test_dedup_collapses_every_repeat():
    assert dedup("уббиить") == "убить"


def test_combining_strike_through_is_removed():
    assert normalize("у\u0336б\u0336и\u0336т\u0336ь\u0336").text == "убить"


def test_every_normalised_character_maps_back_into_the_original():
    original = "Ｕ б и т ь  ууубить\u200b нaркoтик ﬁ"
    norm = normalize(original)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start < end <= len(original)


def test_masked_letters_stay_inside_a_word():
    assert _words("бл*ть 5*3") == ["бл*ть", "5*3"]


def test_emoji_between_spaced_letters_are_separators():
    assert _words("у👊б👊е👊й его") == ["убей", "его"]


def test_emoji_inside_a_word_becomes_a_separator_the_checker_can_join():
    assert _words("на🔥ркотики") == ["на", "ркотики"]
    assert _words("убей💀его") == ["убей", "его"]


def test_a_wider_space_ends_a_spaced_out_word():
    assert _words("п р о д а ж н ы й  в о р") == ["продажный", "вор"]
    assert _words("у  б  и  т  ь") == ["убить"]

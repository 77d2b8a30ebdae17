"""Russian: inflected forms, imperatives and call contexts."""

import pytest

from moderation.checker import check
from moderation.checker.russian import CALL, INFINITIVE, paradigm


def test_paradigm_covers_irregular_forms_and_marks_imperatives():
    forms = paradigm("бить")
    assert forms["бей"] == CALL
    assert forms["бейте"] == CALL
    assert forms["бить"] == INFINITIVE
    assert "call" not in forms["бил"]


def test_first_person_future_is_a_threat():
    assert "call" in paradigm("убить")["убью"]


def test_paradigm_only_expands_the_given_dictionary_word():
    assert "сучок" not in paradigm("сучка")


@pytest.mark.parametrize(
    "text",
    [
        "Продам гашиш, качество отличное.",
        "Продаём гашиша много.",
        "Куплю наркотики, пишите.",
        "Предлагаем наркотиков разных по низкой цене.",
    ],
)
def test_drug_trade_is_rejected_in_any_inflection(text):
    assert check(text, "ru").verdict == "reject"


@pytest.mark.parametrize("text", ["Бейте его!", "Избейте новенького.", "Убей его."])
def test_imperative_call_to_violence_is_rejected(text):
    assert check(text, "ru").verdict == "reject"


@pytest.mark.parametrize("text", ["Надо избить его.", "Давайте поколотим его.", "Убить бы его."])
def test_infinitive_after_a_modal_word_is_a_call(text):
    assert check(text, "ru").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "Фашисты убили миллионы мирных жителей.",
        "Раскольников решил убить старуху.",
        "На физкультуре учились правильно бить по мячу.",
    ],
)
def test_narrative_mention_of_violence_is_accepted(text):
    assert check(text, "ru").verdict == "accept"


@pytest.mark.parametrize("text", ["Никогда не бей слабых.", "Нельзя бить животных."])
def test_negated_call_is_not_a_match(text):
    assert check(text, "ru").verdict == "accept"


def test_wrestling_is_sport_not_violence():
    assert check("Наши борцы победили на турнире по вольной борьбе.", "ru").verdict == "accept"

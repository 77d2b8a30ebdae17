"""Russian: inflected forms, imperatives and call contexts."""

import pytest

from moderation.checker import check, default_checker
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


@pytest.mark.parametrize(
    "text",
    [
        # threats of an attack on the school, in statements rather than imperatives
        "В четверг в лицее что-то взорвётся, взрывчатка уже спрятана под лестницей.",
        "Здание гимназии заминировано, не приходите завтра.",
        "Готовьтесь, на следующей неделе будет бойня.",
        "Приду на линейку с обрезом, пусть все увидят.",
        # calls and threats with verbs of harm in any person and aspect
        "Давайте отпинаем этого выскочку у гаражей.",
        "Переломаем ему пальцы, чтобы не жаловался.",
        "Кто со мной мстить новенькому за стукачество?",
        # a people or a faith + exclusion or contempt
        "Туркмены пусть уезжают обратно, нечего им тут делать.",
        "Сектантов надо выдворить из села, а их молельню закрыть.",
        "Все чеченцы — бандиты и враги.",
        "Казахских детей в наш класс не принимать.",
        # status, origin, health + exclusion or contempt
        "Слепым и глухим не место в обычной гимназии.",
        "Пусть детдомовские сидят отдельно, от них одни проблемы.",
        "Безработные все дармоеды и паразиты.",
        # accusations about named people and heads stated as fact
        "Директор Орозбаев разворовал деньги на новые парты.",
        "Наш завхоз — ворюга и пьяница.",
        "Учительница Кулова продаёт оценки за конверт.",
        # drugs and age-restricted substances sold or praised to children
        "Снюс и жижа для вейпа, привезу к школе, паспорт не нужен.",
        "Курьеры на закладки, оплата каждый день.",
        "Кальян — это нормально, совсем безвредно.",
        # suicide encouragement and self-harm approval
        "Порезы на запястьях — это красиво, выкладывай фото в группу.",
        "Умри уже, всем будет легче без тебя.",
        # extremism
        "Неверных надо уничтожать, это наш джихад.",
        "Ждите сигнала, оружие выдадим на месте.",
        # unrelated
        "Займ до зарплаты без справок, одобрение за 10 минут!",
        "Голосуйте за кандидата от нашей партии на выборах в кенеш!",
    ],
)
def test_meaning_families_are_rejected(text):
    assert check(text, "ru").verdict == "reject", check(text, "ru").findings


@pytest.mark.parametrize(
    "text",
    [
        "Учебная эвакуация: по сигналу тревоги все покинули здание за три минуты.",
        "Полицейские рассказали, что за ложное сообщение о бомбе грозит уголовная ответственность.",
        "Давайте побьём рекорд по сбору макулатуры!",
        "На уроке технологии порежьте ткань на полоски по выкройке.",
        "Фестиваль народов: туркмены, казахи и дунгане угощали гостей национальными блюдами.",
        "Для детей беженцев открыт бесплатный кружок русского языка.",
        "В гимназии учатся слепые и слабовидящие дети, для них есть учебники со шрифтом Брайля.",
        "Благотворительный сбор для малоимущих семей продлится до пятницы.",
        "Директор Орозбаев вручил грамоты победителям олимпиады.",
        "Спектакль «Ревизор» высмеивает взяточников и казнокрадов.",
        "Продажа сигарет и вейпов детям запрещена законом.",
        "Если тебе плохо, позвони на телефон доверия — там выслушают и помогут.",
        "На уроке литературы читали стихи поэта, который рано ушёл из жизни.",
        "Урок финансовой грамотности: почему микрозаймы опасны.",
        "Проголосуйте за лучший рисунок на школьном конкурсе!",
        "Ставки высоки: наша команда вышла в финал турнира по футболу.",
        "Ветеран рассказал, как партизаны взорвали мост.",
    ],
)
def test_benign_texts_on_the_same_topics_are_accepted(text):
    assert check(text, "ru").verdict == "accept", check(text, "ru").findings


def test_plain_school_words_do_not_lower_a_call():
    assert check("После уроков давайте побьём этих чужаков.", "ru").verdict == "reject"


def test_first_person_plural_present_is_a_plan():
    assert paradigm("ломать")["ломаем"] >= CALL
    assert paradigm("прыгать")["прыгаем"] >= CALL
    assert not paradigm("ломать")["ломает"] >= CALL


@pytest.mark.parametrize(
    "text",
    [
        "Тема урока русского языка: «Сниженная и обсценная лексика: почему ей не место в речи».",
        "Узбекская кухня на фестивале понравилась всем.",
        "На классном часе обсудили стереотип «девочкам не нужна математика».",
        "Ребята прыгали вместе на батуте.",
        "Замочите фасоль на ночь — рецепт из кружка кулинарии.",
        "Разложите пакетики с семенами по ящикам.",
        "Лекция ГКНБ: как распознать вербовщиков Хизб ут-Тахрир в соцсетях.",
    ],
)
def test_new_families_leave_benign_school_texts_alone(text):
    # The rules' own families; the classifier's false alarms are measured in the evaluation.
    assert default_checker().check(text, "ru").verdict == "accept"


@pytest.mark.parametrize(
    "text",
    [
        "Завтра ловим его за школой и ломаем ему руки.",
        "Пора уже настучать по башке этим выскочкам.",
        "Светские законы — это куфр, рвите паспорта тагута.",
        "Зачем брать сирот на экскурсию?",
        "Девочкам математика ни к чему, их дело — кухня.",
        "Набираем кладменов с 16 лет, зарплата каждый день.",
        "Встречаемся на крыше, прыгаем вместе, никому ни слова.",
        "Скиньте голые фото, плачу хорошо.",
        "Приведи троих друзей и получай пассивный доход каждый месяц.",
    ],
)
def test_new_families_are_caught(text):
    assert check(text, "ru").verdict != "accept"

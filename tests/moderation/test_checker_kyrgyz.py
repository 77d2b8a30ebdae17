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


@pytest.mark.parametrize(
    ("token", "stem"),
    [("сабаймын", "саба"), ("өлтүрмөкчүмүн", "өлтүр"), ("кетишсин", "кет"), ("кирбесин", "кирбе")],
)
def test_first_person_future_intent_and_negative_stems_are_calls(token, stem):
    assert "call" in _tags(token, stem, verb=True)


def test_contracted_converb_of_a_p_final_stem():
    assert _tags("жаап", "жап", verb=True) == kyrgyz.CONVERB


def test_those_of_forms_take_plural_and_case():
    assert _tags("диндегилерди", "дин", verb=False) is not None


def test_auxiliary_verbal_noun_with_kerek_makes_the_converb_a_call():
    assert kyrgyz.aux_call(["салыш", "керек"])
    assert not kyrgyz.aux_call(["салуу", "туура", "эмес"])


def test_long_vowel_verbal_noun_is_not_read_as_a_bare_imperative():
    text = "Окуучулар кордоо жана шылдыңдоо кандай зыян келтирерин талкуулашты."
    assert check(text, "ky").verdict == "accept"


@pytest.mark.parametrize(
    "text",
    [
        "Келгиндерди айылдан кубалап чыгышыбыз керек.",
        "Баптисттердин жыйналышын жаап салгыла.",
        "Майып балдар башка мектепте окусун.",
        "Вейп сатабыз, жашыңарды сурабайбыз.",
        "Бийликти кулатуу үчүн куралданып, көчөгө чыгалы.",
        "Эч кимге керек эмессиң, жашооңду бүтүр.",
        "Биздин партияга добуш бергиле, ар бир үй-бүлөгө 2000 сом беребиз!",
        "Мугалим Жунусова Айгүл ар бир баа үчүн окуучулардан пара алат.",
    ],
)
def test_kyrgyz_meaning_families_are_rejected(text):
    assert check(text, "ky").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "Кыргыз тили кабинетине тамак-аш менен кирбегиле, кабинетти таза кармайлы.",
        "Чоочун адамдар мектептин аймагына кирбесин, кароолчу документ текшерет.",
        "Спорт сабагында балдар футбол ойноп, үч гол урушту.",
        "Геометрия сабагында окуучулар пирамиданын көлөмүн эсептөөнү үйрөнүштү.",
        "Мыйзам боюнча 18 жашка чейинкилерге тамеки сатууга тыюу салынат.",
        "Мектебибиздин ардагер мугалими 85 жашында дүйнөдөн кайтты.",
    ],
)
def test_kyrgyz_benign_texts_on_the_same_topics_are_accepted(text):
    assert check(text, "ky").verdict == "accept"


@pytest.mark.parametrize(
    ("token", "stem", "tag"),
    [
        ("сайбай", "сай", "neg_converb"),
        ("атпай", "ат", "neg_converb"),
        ("сабабай", "саба", "neg_converb"),
        ("өлтүрмөйүнчө", "өлтүр", "neg_converb"),
        ("тепкилебейбиз", "тепкиле", "neg_present"),
        ("урбайбыз", "ур", "neg_present"),
        ("сабабайсыңар", "саба", "neg_present"),
    ],
)
def test_negative_forms_are_tagged_negative(token, stem, tag):
    tags = _tags(token, stem, verb=True)
    assert tags is not None and tag in tags and kyrgyz.NEGATIVE in tags
    assert "call" not in tags


def test_negative_forms_call_only_in_their_contexts():
    assert kyrgyz.until_rest(["тынчыбайм", "көрөсүңөр"])
    assert kyrgyz.until_rest(["эс", "албайм"])
    assert not kyrgyz.until_rest(["тарбиялоо", "керек"])
    assert kyrgyz.why_not(["эмнеге", "физрукту", "бир", "жолу"])
    assert kyrgyz.why_not(["эмне", "үчүн", "аны"])
    assert not kyrgyz.why_not(["биз", "балдарды"])
    # "секирип кете бер": an auxiliary converb before an imperative auxiliary.
    assert kyrgyz.aux_call(["кете", "бер"])
    # "санап чыкмайынча тынбайм": an auxiliary in the "until" form before "I won't rest".
    assert kyrgyz.aux_call(["чыкмайынча", "тынбайм"])


@pytest.mark.parametrize(
    "text",
    [
        "Ошол мугалимди кирпич менен урбай тынчыбайбыз.",
        "Эмнеге биз тигил баланы жакшылап сабабайбыз?",
        "Ал баланы өлтүрмөйүнчө тынбайм.",
        "Чатырдан секирип кете бер, эч ким сагынбайт.",
        "Энеңди с*кейин, сен ким элең?",
    ],
)
def test_negative_threats_and_masked_curses_are_rejected(text):
    assert check(text, "ky").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        # Negative forms outside the threatening contexts keep their plain meaning.
        "Баланы урбай, сабырдуулук менен тарбиялоо керек.",
        "Мугалим окуучуну кордобой, сылык сүйлөшүүгө тийиш.",
        "Сабагымды бүтүрмөйүнчө тынчыбайм.",
        # Long vowels are not stretching: "суук" is not "сук", "саат" is not "сат".
        "Катуу суукка байланыштуу сабактар саат 9:00дө башталат.",
        "Вейп жана тамекинин зыяны боюнча профилактикалык саат өттү.",
        # "жалап" as the converb of "жала-" (to lick), "энеңдин" as "your mother's".
        "Мышык сүттү жалап ичти.",
        "Энеңдин ден соолугу кандай?",
        # A capitalised word after an opening quote is a title, not a name.
        "Жогорку класстар «Пара — кылмыш» деген темада дебат өткөрүштү.",
    ],
)
def test_lookalikes_of_the_new_families_are_accepted(text):
    assert check(text, "ky").verdict == "accept"

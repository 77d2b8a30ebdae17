"""Consistency of a text with the school's records."""

from moderation.checker import SchoolFacts, find_discrepancies
from moderation.checker.consistency import DEPUTY, HEAD, LeaderRecord

FACTS = SchoolFacts(
    phones=["+996 312 12-34-56"],
    emails=["school12@edu.kg"],
    websites=["https://www.school12.edu.kg/"],
    founding_year=1965,
    director_names=["Асанова Гүлнара Токтогуловна"],
)


def test_phone_differing_names_both_numbers():
    text = "Биз менен байланышыңыз: +996 312 65-43-21."
    [finding] = find_discrepancies(text, FACTS)
    assert finding.rule_id == "discrepancy.phone"
    assert finding.category == "discrepancy"
    assert finding.action == "review"
    assert finding.excerpt == "+996 312 65-43-21"
    assert text[finding.start : finding.end] == finding.excerpt
    for lang in ("ky", "ru"):
        assert "+996 312 65-43-21" in finding.message[lang]
        assert "+996 312 12-34-56" in finding.message[lang]


def test_same_phone_in_other_format_passes():
    for text in ("Тел.: 0(312)123456", "Звоните 0312 12 34 56", "+996312123456", "(0312) 12-34-56"):
        assert find_discrepancies(text, FACTS) == [], text


def test_mobile_phone_formats_are_compared_by_national_number():
    facts = SchoolFacts(phones=["0555 123 456"])
    assert find_discrepancies("WhatsApp: +996 555 123 456", facts) == []
    [finding] = find_discrepancies("WhatsApp: 0555 123 457", facts)
    assert "0555 123 457" in finding.message["ru"]


def test_short_city_number_after_tel_is_compared_with_the_tail():
    assert find_discrepancies("тел. 12-34-56", FACTS) == []
    [finding] = find_discrepancies("тел. 62-34-56", FACTS)
    assert finding.excerpt == "62-34-56"


def test_email_mismatch_names_both_addresses_and_case_is_ignored():
    assert find_discrepancies("Почта: School12@EDU.kg", FACTS) == []
    [finding] = find_discrepancies("Почта: school21@edu.kg", FACTS)
    assert finding.rule_id == "discrepancy.email"
    assert "school21@edu.kg" in finding.message["ky"]
    assert "school12@edu.kg" in finding.message["ky"]


def test_website_is_compared_by_host_without_www():
    assert find_discrepancies("Сайт: http://school12.edu.kg/news/1", FACTS) == []
    [finding] = find_discrepancies("Биздин сайт: www.school21.edu.kg", FACTS)
    assert finding.rule_id == "discrepancy.website"
    assert "school21.edu.kg" in finding.message["ru"]
    assert "school12.edu.kg" in finding.message["ru"]


def test_email_domain_is_not_taken_for_a_website():
    assert find_discrepancies("Почта: school12@edu.kg", SchoolFacts(websites=["a.kg"])) == []


def test_founding_year_in_kyrgyz_and_russian():
    assert find_discrepancies("Мектеп 1965-жылы негизделген.", FACTS) == []
    assert find_discrepancies("Школа основана в 1965 году.", FACTS) == []
    [ky] = find_discrepancies("Мектебибиз 1972-жылы негизделген.", FACTS)
    [ru] = find_discrepancies("Школа основана в 1972 году.", FACTS)
    [en] = find_discrepancies("The school was founded in 1972.", FACTS)
    for finding in (ky, ru, en):
        assert finding.rule_id == "discrepancy.founding_year"
        assert finding.excerpt == "1972"
        assert "1972" in finding.message["ky"] and "1965" in finding.message["ky"]


def test_director_is_compared_by_surname_across_case_endings():
    for text in (
        "Мектептин директору Асанова Гүлнара окуучуларды куттуктады.",
        "Директор школы Асанова Г. Т. вручила грамоты.",
        "Директору Асановой объявлена благодарность.",
        "Директор Г. Асанова выступила с речью.",
    ):
        assert find_discrepancies(text, FACTS) == [], text


def test_other_director_name_is_a_discrepancy_naming_both():
    text = "Мектептин директору Бакиров Нурлан жыйынды ачты."
    [finding] = find_discrepancies(text, FACTS)
    assert finding.rule_id == "discrepancy.director"
    assert finding.excerpt == "Бакиров Нурлан"
    for lang in ("ky", "ru"):
        assert "Бакиров Нурлан" in finding.message[lang]
        assert "Асанова Гүлнара Токтогуловна" in finding.message[lang]


def test_deputy_director_without_a_name_is_ignored():
    assert find_discrepancies("Директордун орун басары жыйынды өткөрдү.", FACTS) == []


def test_unrecorded_facts_are_not_checked():
    text = "Тел. +996 312 65-43-21, основана в 1999 году, директор Петров."
    assert find_discrepancies(text, SchoolFacts()) == []


def test_matching_values_produce_nothing():
    text = (
        "Мектеп 1965-жылы негизделген. Директору Асанова Гүлнара. "
        "Тел.: 0312 12-34-56, school12@edu.kg, school12.edu.kg"
    )
    assert find_discrepancies(text, FACTS) == []


def test_findings_serialise_to_dict():
    [finding] = find_discrepancies("Почта: school21@edu.kg", FACTS)
    assert finding.to_dict()["category"] == "discrepancy"


# The school's leadership: the head and deputies, as the leadership page records them.

LEADERS = SchoolFacts(
    leaders=[
        LeaderRecord(
            name={"ky": "Бекмуратова Айнура Калый кызы", "ru": "Бекмуратова Айнура Калыевна"},
            position={"ky": "Мектептин директору", "ru": "Директор школы"},
            role=HEAD,
        ),
        LeaderRecord(
            name={"ky": "Орозбаев Мирлан Токтомат уулу", "ru": "Орозбаев Мирлан Токтоматович"},
            position={
                "ky": "Директордун окуу-тарбия иштери боюнча орун басары",
                "ru": "Заместитель директора по учебно-воспитательной работе",
            },
            role=DEPUTY,
        ),
        LeaderRecord(
            name={
                "ky": "Турсунова Гүлмира Абдыкерим кызы",
                "ru": "Турсунова Гульмира Абдыкеримовна",
            },
            position={
                "ky": "Директордун тарбия иштери боюнча орун басары",
                "ru": "Заместитель директора по воспитательной работе",
            },
            role=DEPUTY,
        ),
    ]
)


def test_recorded_head_and_deputies_pass_in_kyrgyz_and_russian_forms():
    for text in (
        "Мектептин директору Бекмуратова Айнура окуучуларды куттуктады.",
        "Директорубуз Айнура Калыевна сөз сүйлөдү.",
        "Бекмуратова Айнура, мектептин директору, сөз сүйлөдү.",
        "Директор школы А. К. Бекмуратова вручила грамоты.",
        "Директору Бекмуратовой объявлена благодарность.",
        "Директором школы является Бекмуратова Айнура Калыевна.",
        "Заместитель директора по УВР Орозбаев М. Т. провёл совещание.",
        "Директордун окуу-тарбия иштери боюнча орун басары Орозбаев Мирлан жыйын өткөрдү.",
        "Завуч Турсунова Гульмира провела линейку.",
        "Турсунова Г. А., заместитель директора, провела линейку.",
        "Говорят, директор школы берёт взятки у родителей.",
        "Все учителя школы\nЗаместители директора\nПедагог-психолог",
    ):
        assert find_discrepancies(text, LEADERS) == [], text


def test_another_name_after_the_heads_title_names_both_in_each_language():
    for text, name in (
        ("Мектептин директору Бакиров Нурлан жыйынды ачты.", "Бакиров Нурлан"),
        ("Директордун Бакиров Нурлан берген буйругу.", "Бакиров Нурлан"),
        ("Директором школы назначен Бакиров Н.", "Бакиров Н."),
        ("Директору школы Бакировой объявлен выговор.", "Бакировой"),
        ("Бакиров Нурлан, мектептин директору, сөз сүйлөдү.", "Бакиров Нурлан"),
    ):
        [finding] = find_discrepancies(text, LEADERS)
        assert finding.rule_id == "discrepancy.director", text
        assert finding.category == "discrepancy" and finding.action == "review"
        assert finding.excerpt == name and text[finding.start : finding.end] == name
        assert name in finding.message["ky"] and name in finding.message["ru"]
        assert "Бекмуратова Айнура Калый кызы" in finding.message["ky"]
        assert "Бекмуратова Айнура Калыевна" in finding.message["ru"]


def test_a_deputy_called_director_names_the_person_and_their_recorded_title():
    for text in (
        "Директор Орозбаев Мирлан выступил с речью.",
        "Орозбаев Мирлан, мектептин директору, сөз сүйлөдү.",
    ):
        [finding] = find_discrepancies(text, LEADERS)
        assert finding.rule_id == "discrepancy.leader_title", text
        assert finding.action == "review" and finding.excerpt == "Орозбаев Мирлан"
        assert "Орозбаев Мирлан Токтоматович" in finding.message["ru"]
        assert "Заместитель директора по учебно-воспитательной работе" in finding.message["ru"]
        assert "Директордун окуу-тарбия иштери боюнча орун басары" in finding.message["ky"]
        assert "Бекмуратова Айнура Калыевна" in finding.message["ru"]  # the real head


def test_the_head_called_deputy_names_her_and_her_recorded_title():
    for text, title in (
        ("Завуч Бекмуратова Айнура провела линейку.", "Завуч"),
        ("Заместитель директора Бекмуратова А. К. провела совещание.", "Заместитель директора"),
        ("Директордун орун басары Бекмуратова Айнура жыйын өткөрдү.", "орун басары"),
        ("Бекмуратова Айнура, директордун орун басары, жыйын өткөрдү.", "директордун орун басары"),
    ):
        [finding] = find_discrepancies(text, LEADERS)
        assert finding.rule_id == "discrepancy.leader_title", text
        assert finding.excerpt.startswith("Бекмуратова")
        assert f"«{title}»" in finding.message["ru"]
        assert "Бекмуратова Айнура Калыевна — Директор школы" in finding.message["ru"]
        assert "Бекмуратова Айнура Калый кызы — Мектептин директору" in finding.message["ky"]


def test_an_unknown_deputy_and_an_acting_head_are_not_judged():
    for text in (
        "Завуч Петрова Ольга провела линейку.",
        "И. о. директора Петров А. подписал приказ.",
        "Заместитель директора Петров А. провёл совещание.",
    ):
        assert find_discrepancies(text, LEADERS) == [], text


def test_kyrgyz_names_without_a_russian_surname_are_compared_by_the_fathers_name():
    facts = SchoolFacts(director_names=["Мирлан Токтомат уулу"])
    assert find_discrepancies("Мектептин директору Токтомат уулу Мирлан.", facts) == []
    [finding] = find_discrepancies("Мектептин директору Асан уулу Бакыт.", facts)
    assert finding.excerpt == "Асан уулу Бакыт"


def test_head_names_come_from_both_the_plain_list_and_the_leadership_records():
    facts = SchoolFacts(director_names=["Асанова Гүлнара"], leaders=LEADERS.leaders)
    names = facts.head_names()
    assert names["ru"] == ["Асанова Гүлнара", "Бекмуратова Айнура Калыевна"]
    assert names["ky"] == ["Асанова Гүлнара", "Бекмуратова Айнура Калый кызы"]

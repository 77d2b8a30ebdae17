"""Consistency of a text with the school's records."""

from moderation.checker import SchoolFacts, find_discrepancies

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

"""Writes train_staff_lists.jsonl: benign lists of people with their positions, as a school's
disclosure pages carry them (leadership, councils, staff). The classifier learns from them that
names next to "director" or "chair" are not an accusation.

Run from the repository root: python moderation/data/generate_staff_lists.py
"""

import json
import random
from pathlib import Path

KY_SURNAMES = [
    "Асанов",
    "Бакиров",
    "Жумабаев",
    "Токтогулов",
    "Эсенов",
    "Абдраев",
    "Кадыров",
    "Мамытов",
    "Орозбеков",
    "Сатыбалдиев",
    "Турдукулов",
    "Чыныбаев",
    "Ысаков",
    "Келдибеков",
    "Нурматов",
    "Шаршенов",
    "Дүйшөнбеков",
    "Өмүрзаков",
    "Үсөнов",
    "Темиров",
]
KY_FIRST_M = ["Азамат", "Бекжан", "Данияр", "Эрмек", "Нурлан", "Марат", "Талант", "Улан", "Чыңгыз"]
KY_FIRST_F = [
    "Айгүл",
    "Бермет",
    "Гүлнара",
    "Жылдыз",
    "Нургүл",
    "Сезим",
    "Чолпон",
    "Асель",
    "Мээрим",
]
RU_SURNAMES = ["Иванов", "Петренко", "Ким", "Тен", "Ли", "Смирнов", "Коваленко", "Пак", "Волков"]
RU_FIRST_M = ["Сергей", "Андрей", "Виктор", "Олег", "Дмитрий", "Алексей", "Игорь"]
RU_FIRST_F = ["Ольга", "Елена", "Наталья", "Татьяна", "Светлана", "Ирина", "Марина"]
FATHERS = ["Асан", "Бакыт", "Жолдош", "Кубанычбек", "Мырзабек", "Сапар", "Токтомат", "Эркин"]
RU_FATHERS = ["Викторов", "Сергеев", "Олегов", "Иванов", "Петров", "Николаев"]

POSITIONS = {
    "ky": [
        "директор",
        "директордун окуу иштери боюнча орун басары",
        "директордун тарбия иштери боюнча орун басары",
        "башкы бухгалтер",
        "педагог-психолог",
        "социалдык педагог",
        "китепканачы",
        "медайым",
        "төрага",
        "катчы",
        "камкордук кеңешинин мүчөсү",
        "ата-энелер комитетинин төрагасы",
        "кыргыз тили жана адабияты мугалими",
        "математика мугалими",
        "башталгыч класстардын мугалими",
        "дене тарбия мугалими",
    ],
    "ru": [
        "директор",
        "заместитель директора по учебной работе",
        "заместитель директора по воспитательной работе",
        "главный бухгалтер",
        "педагог-психолог",
        "социальный педагог",
        "библиотекарь",
        "медицинская сестра",
        "председатель",
        "секретарь",
        "член попечительского совета",
        "председатель родительского комитета",
        "учитель русского языка и литературы",
        "учитель математики",
        "учитель начальных классов",
        "учитель физической культуры",
    ],
}
HEADINGS = {
    "ky": ["Курамы:", "Мүчөлөрү:", "Жетекчилик", "Педагогикалык кеңеш", "Камкордук кеңеши", ""],
    "ru": [
        "Состав:",
        "Члены совета:",
        "Руководство",
        "Педагогический совет",
        "Попечительский совет",
        "",
    ],
}


def person(lang: str, rng: random.Random) -> str:
    if lang == "ky" or rng.random() < 0.6:
        female = rng.random() < 0.5
        surname = rng.choice(KY_SURNAMES) + ("а" if female else "")
        first = rng.choice(KY_FIRST_F if female else KY_FIRST_M)
        father = rng.choice(FATHERS)
        if lang == "ky":
            return f"{surname} {first} {father} {'кызы' if female else 'уулу'}"
        return f"{surname} {first} {father}{'овна' if female else 'ович'}"
    female = rng.random() < 0.5
    surname = rng.choice(RU_SURNAMES)
    if female and surname.endswith(("ов", "ев", "ин")):
        surname += "а"
    first = rng.choice(RU_FIRST_F if female else RU_FIRST_M)
    father = rng.choice(RU_FATHERS)
    return f"{surname} {first} {father}{'на' if female else 'ич'}"


def staff_list(lang: str, rng: random.Random) -> str:
    lines = [rng.choice(HEADINGS[lang])]
    for _ in range(rng.randint(2, 7)):
        who = person(lang, rng)
        if rng.random() < 0.75:
            separator = rng.choice([", ", " — ", " - "])
            who += separator + rng.choice(POSITIONS[lang])
        lines.append(who)
    return "\n".join(line for line in lines if line)


def main() -> None:
    rng = random.Random(2026)
    path = Path(__file__).resolve().parent / "train_staff_lists.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(240):
            lang = "ky" if number % 2 == 0 else "ru"
            row = {
                "id": f"tsl-{number + 1:04d}",
                "lang": lang,
                "label": "benign",
                "category": "none",
                "text": staff_list(lang, rng),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Consistency of a text with the school's own records (contacts, founding year, director).

Values the text states about the school are extracted and compared with :class:`SchoolFacts`:

* phones in Kyrgyz formats (``+996 312 12-34-56``, ``0(312)123456``, ``0555 123 456``) are
  compared as their nine national digits, so ``0`` and ``+996`` prefixes are equivalent;
  a short city number after "тел." is compared with the last six digits;
* e-mail addresses case-insensitively; web addresses by host name without ``www.``;
* a founding year ("основана в 1965 году", "1965-жылы негизделген", "founded in 1965");
* the director's name after "директор", "директору", "директордун", "директор школы" ...,
  or before ", мектептин директору", compared by surname (or, for "Айнура Калыевна", by the
  names given), tolerating Russian and Kyrgyz case endings;
* the leadership's titles: a recorded deputy called "директор", or the recorded head called
  "завуч", "заместитель директора" or "директордун орун басары".

A value that differs from every recorded one gives a ``review`` finding of category
``discrepancy`` whose message names both values; a leader with the wrong title gives one naming
the person and their recorded title. Facts the school has not recorded are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .result import Finding

CATEGORY = "discrepancy"

_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?996|996|\(?0)[\s\-]?\(?\s?\d{3}\s?\)?(?:[\s\-.]?\d){6}(?!\d)"
)
_LOCAL_PHONE = re.compile(
    r"(?i:\bтел(?:\.|ефон\w*)?|\bбайланыш\w*)[\s:.\-]*(\d{2,3}[\s\-]\d{2}[\s\-]\d{2})(?![\d\-])"
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_WEBSITE = re.compile(
    r"(?<![@\w.\-])(?:https?://)?((?:[\w\-]+\.)+(?:kg|ru|com|org|net|edu|info|kz|uz|su|io))"
    r"(?![\w\-@])",
    re.IGNORECASE,
)
_YEAR_PATTERNS = (
    re.compile(r"(?i:основан[аоы]?|основано)\s+в\s+((?:18|19|20)\d\d)\b"),
    re.compile(r"(?i:год\s+основания|дата\s+основания)\s*[:\-—–]?\s*((?:18|19|20)\d\d)\b"),
    re.compile(r"\b((?:18|19|20)\d\d)\s*[\-–]?\s*(?i:жылы)\s+(?:\w+\s+){0,3}?(?i:негизде\w*)"),
    re.compile(r"(?i:негизделген\s+жылы)\s*[:\-—–]?\s*((?:18|19|20)\d\d)\b"),
    re.compile(r"(?i:founded\s+in)\s+((?:18|19|20)\d\d)\b"),
)
_UPPER = "А-ЯЁӨҮҢA-Z"
_LOWER = "а-яёөүңa-z"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIALS = rf"(?:[{_UPPER}]\.\s?){{1,2}}"
_NAME = (
    rf"(?:{_INITIALS})?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"(?:\s+(?:уулу|кызы)(?:\s+{_NAME_WORD})?)?"
    rf"(?:\s+{_INITIALS})?"
)
# The head's title, then the name: "директор Асанова", "мектептин директору Асанова Г.",
# "директору Асановой", "директором школы назначена Асанова".
_DIRECTOR = re.compile(
    r"(?i:\bдиректор(?:убуздун|убузга|убуз|унун|у|а|ом|е|го|дун|дон|дор|ду)?)"
    r"(?:\s+(?i:школы|лицея|гимназии|мектептин|мектебинин|лицейинин|гимназиясынын|нашей|"
    r"нашего|биздин|№\s?\d+|назначена|назначен|является|стала|стал|избрана|избран))*"
    r"[ \t\xa0,:—–\-]+"
    rf"({_NAME})"
)
# Words before "директора" that make the title a deputy's (or an acting head's).
_DEPUTY_PREFIX = re.compile(
    r"(?i:\bзам(?:ест\w*)?\.?|\bврио|"
    r"\bи\.\s?о\.|\bисполняющ\w*\s+обязанност\w*)\s*$"
)
_ACTING_PREFIX = re.compile(r"(?i:\bврио|\bи\.\s?о\.|\bисполняющ\w*\s+обязанност\w*)\s*$")
# A deputy's title, then the name: "завуч Орозбаев", "заместитель директора по УВР Орозбаев М.",
# "директордун окуу иштери боюнча орун басары Орозбаев Мирлан".
_DEPUTY = re.compile(
    r"(?i:\bзавуч(?:а|у|ом|е)?|\bзамдиректора|"
    r"\bзам(?:ест\w*)?\.?\s*директора|"
    r"\bорун\s+басар(?:ыбыз|ы)?)"
    r"(?:\s+(?i:школы|лицея|гимназии|нашей|нашего|№\s?\d+))*"
    rf"(?:\s+по\s+(?:[{_LOWER}\-]+|[{_UPPER}]{{2,5}})(?:\s+[{_LOWER}\-]+){{0,3}})?"
    r"[ \t\xa0,:—–\-]+"
    rf"({_NAME})"
)
# The name, then the title: "Асанова Гүлнара, мектептин директору", "Орозбаев М. — завуч".
_NAME_THEN_TITLE = re.compile(
    rf"({_NAME})[ \t\xa0]*[,—–\-][ \t\xa0]*"
    r"(?:(?i:мектептин|мектебибиздин|биздин|наш|наша)\s+)?"
    r"(?:(?P<head>(?i:директор(?:убуз|у)?)\b(?!\s+(?i:орун\s+басар|по\s)))|"
    r"(?P<deputy>(?i:завуч\b|зам(?:ест\w*)?\.?\s*директора\b|замдиректора\b|"
    rf"директордун(?:\s+[{_LOWER}\-]+){{0,4}}\s+орун\s+басары\b)))"
)
_SURNAME_ENDING = re.compile(r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|уулу|кызы)$")
_CASE_ENDING = re.compile(r"(ой|ому|ым|ом|ою|ей|а|я|у|ю|е|ы|и)$")
_PATRONYMIC_WORDS = {"уулу", "кызы"}


@dataclass
class SchoolFacts:
    """What the school has on record about itself."""

    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    founding_year: int | None = None
    director_names: list[str] = field(default_factory=list)
    leaders: list[LeaderRecord] = field(default_factory=list)
    # The school (Wagtail site) these facts belong to, for checks that read its history.
    site_id: int | None = None

    def head_names(self) -> dict[str, list[str]]:
        """The recorded head's name(s) as each language writes them."""
        names = {lang: list(self.director_names) for lang in ("ky", "ru")}
        for leader in self.leaders:
            if leader.role == HEAD:
                for lang in names:
                    name = leader.name_in(lang)
                    if name and name not in names[lang]:
                        names[lang].append(name)
        return names


HEAD = "head"
DEPUTY = "deputy"


@dataclass
class LeaderRecord:
    """A member of the school's leadership as recorded: name and title in each language."""

    name: dict[str, str]
    position: dict[str, str] = field(default_factory=dict)
    role: str = DEPUTY  # HEAD or DEPUTY

    def name_in(self, lang: str) -> str:
        return self.name.get(lang) or next(iter(self.name.values()), "")

    def position_in(self, lang: str) -> str:
        return self.position.get(lang) or next(iter(self.position.values()), "")

    def names(self) -> set[str]:
        return {name for name in self.name.values() if name}


def _national(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("996") and len(digits) == 12:
        return digits[3:]
    if digits.startswith("0") and len(digits) == 10:
        return digits[1:]
    return digits


def _host(address: str) -> str:
    host = re.sub(r"^[a-z]+://", "", address.strip().lower()).split("/")[0].split(":")[0]
    return host.removeprefix("www.")


def _stem(word: str) -> str:
    key = word.lower().replace("ё", "е")
    return _CASE_ENDING.sub("", key) if len(key) > 4 else key


def _surname_key(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name) if len(w) > 1 and not w.endswith(".")]
    if not words:
        return ""
    surname = words[0]
    for index, word in enumerate(words):
        if word.lower() in _PATRONYMIC_WORDS:
            # "Мирлан Токтомат уулу": the father's name is the family name.
            surname = words[index - 1] if index else word
            break
        if _SURNAME_ENDING.search(word.lower()):
            surname = word
            break
    return _stem(surname)


def _same_surname(found: str, recorded: str) -> bool:
    a, b = _surname_key(found), _surname_key(recorded)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _name_stems(name: str) -> list[str]:
    words = re.split(r"[\s,.]+", name)
    return [_stem(w) for w in words if len(w) > 1 and w.lower() not in _PATRONYMIC_WORDS]


def _similar_stems(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 3:
        return a == b
    return a.startswith(b) or b.startswith(a)


def _same_person(found: str, recorded: str) -> bool:
    """The same surname (in any case form), or every word of ``found`` is one of the recorded
    person's names ("Айнура Калыевна" for "Бекмуратова Айнура Калыевна")."""
    if _same_surname(found, recorded):
        return True
    found_stems, recorded_stems = _name_stems(found), _name_stems(recorded)
    return bool(found_stems and recorded_stems) and all(
        any(_similar_stems(a, b) for b in recorded_stems) for a in found_stems
    )


def _finding(kind: str, match: re.Match, group: int, ky: str, ru: str) -> Finding:
    return Finding(
        rule_id=f"discrepancy.{kind}",
        category=CATEGORY,
        action="review",
        start=match.start(group),
        end=match.end(group),
        excerpt=match.group(group),
        message={"ky": ky, "ru": ru},
    )


def _listing(values: Iterable[str]) -> str:
    return ", ".join(values)


def _phones(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    if not facts.phones:
        return
    known = {_national(p) for p in facts.phones}
    record = _listing(facts.phones)
    for match in _PHONE.finditer(text):
        if _national(match.group()) not in known:
            yield _finding(
                "phone",
                match,
                0,
                f"Тексттеги телефон {match.group()} мектептин маалыматындагы телефонго "
                f"({record}) дал келбейт. Номерди текшерип, туурасын жазыңыз.",
                f"Телефон {match.group()} в тексте не совпадает с телефоном школы в её данных "
                f"({record}). Проверьте номер и укажите правильный.",
            )
    for match in _LOCAL_PHONE.finditer(text):
        if not any(k.endswith(_national(match.group(1))) for k in known):
            yield _finding(
                "phone",
                match,
                1,
                f"Тексттеги телефон {match.group(1)} мектептин маалыматындагы телефонго "
                f"({record}) дал келбейт. Номерди текшерип, туурасын жазыңыз.",
                f"Телефон {match.group(1)} в тексте не совпадает с телефоном школы в её данных "
                f"({record}). Проверьте номер и укажите правильный.",
            )


def _emails(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    if not facts.emails:
        return
    known = {e.strip().lower() for e in facts.emails}
    record = _listing(facts.emails)
    for match in _EMAIL.finditer(text):
        if match.group().lower() not in known:
            yield _finding(
                "email",
                match,
                0,
                f"Тексттеги электрондук дарек {match.group()} мектептин дарегине ({record}) "
                "дал келбейт. Даректи текшериңиз.",
                f"Адрес электронной почты {match.group()} в тексте не совпадает с адресом "
                f"школы ({record}). Проверьте адрес.",
            )


def _websites(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    if not facts.websites:
        return
    known = {_host(w) for w in facts.websites}
    record = _listing(facts.websites)
    for match in _WEBSITE.finditer(text):
        if _host(match.group(1)) not in known:
            yield _finding(
                "website",
                match,
                0,
                f"Тексттеги сайт {match.group()} мектептин сайтына ({record}) дал келбейт. "
                "Шилтемени текшериңиз.",
                f"Сайт {match.group()} в тексте не совпадает с сайтом школы ({record}). "
                "Проверьте ссылку.",
            )


def _founding_year(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    if facts.founding_year is None:
        return
    for pattern in _YEAR_PATTERNS:
        for match in pattern.finditer(text):
            if int(match.group(1)) != facts.founding_year:
                yield _finding(
                    "founding_year",
                    match,
                    1,
                    f"Текстте мектеп {match.group(1)}-жылы негизделген деп жазылган, ал эми "
                    f"мектептин маалыматында {facts.founding_year}-жыл. Жылды текшериңиз.",
                    f"В тексте год основания школы — {match.group(1)}, а в данных школы — "
                    f"{facts.founding_year}. Проверьте год.",
                )


_FULL_NAME_PART = re.compile(
    rf"(?:[{_UPPER}]\.|[{_LOWER}](?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|вич|вна|чна)\b|"
    r"\b(?:уулу|кызы)\b)"
)


def _looks_like_full_name(name: str) -> bool:
    """A name before a title needs a surname, patronymic or initials: one capitalised word
    before a comma is more often the start of a sentence."""
    return bool(_FULL_NAME_PART.search(name))


@dataclass(frozen=True)
class _Mention:
    """A person named with a leadership title in a text."""

    kind: str  # HEAD or DEPUTY: the title the text gives them
    name: str
    start: int
    end: int
    title: str


def _mentions(text: str) -> Iterator[_Mention]:
    seen: set[tuple[int, int]] = set()

    def mention(kind: str, match: re.Match, title: str) -> Iterator[_Mention]:
        name = match.group(1).rstrip()
        span = (match.start(1), match.start(1) + len(name))
        if span not in seen:
            seen.add(span)
            yield _Mention(kind, name, *span, title)

    for match in _DIRECTOR.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _DEPUTY_PREFIX.search(before):
            continue  # "заместитель директора X" is a deputy; "и. о. директора X" is acting
        yield from mention(HEAD, match, text[match.start() : match.start(1)].strip(" ,:—–-"))
    for match in _DEPUTY.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _ACTING_PREFIX.search(before):
            continue
        yield from mention(DEPUTY, match, text[match.start() : match.start(1)].strip(" ,:—–-"))
    for match in _NAME_THEN_TITLE.finditer(text):
        if not _looks_like_full_name(match.group(1)):
            continue  # "Говорят, директор школы ...": a word, not a name
        kind = HEAD if match.group("head") else DEPUTY
        yield from mention(kind, match, match.group("head") or match.group("deputy"))


def _leader_finding(kind: str, mention: _Mention, ky: str, ru: str) -> Finding:
    return Finding(
        rule_id=f"discrepancy.{kind}",
        category=CATEGORY,
        action="review",
        start=mention.start,
        end=mention.end,
        excerpt=mention.name,
        message={"ky": ky, "ru": ru},
    )


def _wrong_title(mention: _Mention, leader: LeaderRecord, heads: dict[str, list[str]]):
    """A recorded leader called by another leader's title."""
    ky_position, ru_position = leader.position_in("ky"), leader.position_in("ru")
    ky_role = ky_position or ("директор" if leader.role == HEAD else "директордун орун басары")
    ru_role = ru_position or ("директор" if leader.role == HEAD else "заместитель директора")
    ky_head = f" Мектептин директору — {_listing(heads['ky'])}." if heads["ky"] else ""
    ru_head = f" Директор школы — {_listing(heads['ru'])}." if heads["ru"] else ""
    if leader.role == HEAD:
        ky_head = ru_head = ""
    return _leader_finding(
        "leader_title",
        mention,
        f"Текстте «{mention.name}» «{mention.title}» деп аталган, ал эми мектептин "
        f"маалыматында {leader.name_in('ky')} — {ky_role}.{ky_head} "
        "Кызмат ордун текшерип, оңдоңуз.",
        f"В тексте «{mention.name}» назван(а) «{mention.title}», а в данных школы "
        f"{leader.name_in('ru')} — {ru_role}.{ru_head} Проверьте должность и исправьте.",
    )


def _leadership(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    """Names given with the head's or a deputy's title, compared with the leadership records:
    another head's name, or a recorded leader called by the wrong title."""
    heads = facts.head_names()
    head_names = set(heads["ky"]) | set(heads["ru"])
    if not head_names and not facts.leaders:
        return
    deputies = [leader for leader in facts.leaders if leader.role != HEAD]
    head_records = [leader for leader in facts.leaders if leader.role == HEAD]
    for mention in _mentions(text):
        is_head = any(_same_person(mention.name, known) for known in head_names)
        if mention.kind == HEAD:
            if is_head:
                continue
            deputy = next(
                (d for d in deputies if any(_same_person(mention.name, n) for n in d.names())),
                None,
            )
            if deputy is not None:
                yield _wrong_title(mention, deputy, heads)
            elif head_names:
                yield _leader_finding(
                    "director",
                    mention,
                    f"Текстте директор катары «{mention.name}» аталган, ал эми мектептин "
                    f"маалыматында директор — {_listing(heads['ky'])}. "
                    "Аты-жөнүн текшерип, оңдоңуз.",
                    f"В тексте директором назван(а) «{mention.name}», а в данных школы "
                    f"директор — {_listing(heads['ru'])}. Проверьте ФИО и исправьте.",
                )
        elif is_head:
            head = next(
                (h for h in head_records if any(_same_person(mention.name, n) for n in h.names())),
                LeaderRecord(
                    name={"ky": _listing(heads["ky"]), "ru": _listing(heads["ru"])}, role=HEAD
                ),
            )
            yield _wrong_title(mention, head, heads)


def find_discrepancies(text: str, facts: SchoolFacts) -> list[Finding]:
    """Findings for every stated value that differs from the school's records."""
    findings: list[Finding] = []
    for extract in (_phones, _emails, _websites, _founding_year, _leadership):
        findings.extend(extract(text, facts))
    return sorted(findings, key=lambda f: (f.start, f.rule_id))

"""Consistency of a text with the school's own records (contacts, founding year, director).

Values the text states about the school are extracted and compared with :class:`SchoolFacts`:

* phones in Kyrgyz formats (``+996 312 12-34-56``, ``0(312)123456``, ``0555 123 456``) are
  compared as their nine national digits, so ``0`` and ``+996`` prefixes are equivalent;
  a short city number after "тел." is compared with the last six digits;
* e-mail addresses case-insensitively; web addresses by host name without ``www.``;
* a founding year ("основана в 1965 году", "1965-жылы негизделген", "founded in 1965");
* the director's name after "директор", "директору", "директордун", "директор школы" ...,
  compared by surname, tolerating Russian and Kyrgyz case endings.

A value that differs from every recorded one gives a ``review`` finding of category
``discrepancy`` whose message names both values. Facts the school has not recorded are not
checked.
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
_DIRECTOR = re.compile(
    r"(?i:\bдиректор(?:у|а|ом|е|го|дун|унун|дор|ду)?)"
    r"(?:\s+(?i:школы|лицея|гимназии|мектептин|мектебинин|лицейинин|гимназиясынын|нашей|"
    r"нашего|биздин|№\s?\d+))*"
    r"[\s,:—–\-]+"
    rf"((?:{_INITIALS})?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}(?:\s+(?:уулу|кызы))?"
    rf"(?:\s+{_INITIALS})?)"
)
_SURNAME_ENDING = re.compile(r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|уулу|кызы)$")
_CASE_ENDING = re.compile(r"(ой|ому|ым|ом|ою|ей|а|я|у|ю|е|ы|и)$")


@dataclass
class SchoolFacts:
    """What the school has on record about itself."""

    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    founding_year: int | None = None
    director_names: list[str] = field(default_factory=list)


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


def _surname_key(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name) if len(w) > 1 and not w.endswith(".")]
    if not words:
        return ""
    surname = next((w for w in words if _SURNAME_ENDING.search(w.lower())), words[0])
    key = surname.lower().replace("ё", "е")
    return _CASE_ENDING.sub("", key) if len(key) > 4 else key


def _same_surname(found: str, recorded: str) -> bool:
    a, b = _surname_key(found), _surname_key(recorded)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


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


def _director(text: str, facts: SchoolFacts) -> Iterator[Finding]:
    if not facts.director_names:
        return
    record = _listing(facts.director_names)
    for match in _DIRECTOR.finditer(text):
        name = match.group(1)
        if not any(_same_surname(name, known) for known in facts.director_names):
            yield _finding(
                "director",
                match,
                1,
                f"Текстте директор катары «{name}» аталган, ал эми мектептин маалыматында "
                f"директор — {record}. Аты-жөнүн текшерип, оңдоңуз.",
                f"В тексте директором назван(а) «{name}», а в данных школы директор — "
                f"{record}. Проверьте ФИО и исправьте.",
            )


def find_discrepancies(text: str, facts: SchoolFacts) -> list[Finding]:
    """Findings for every stated value that differs from the school's records."""
    findings: list[Finding] = []
    for extract in (_phones, _emails, _websites, _founding_year, _director):
        findings.extend(extract(text, facts))
    return sorted(findings, key=lambda f: (f.start, f.rule_id))

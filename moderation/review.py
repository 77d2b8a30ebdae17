"""All automatic checks of one object before it may be published.

Runs the prohibited-content checker and the consistency check over every text of the object in
each language, and the bilingual-completeness check, and says what an editor must fix.
"""

from dataclasses import asdict, dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy

from .checker import SchoolFacts, check, find_discrepancies
from .checker.result import verdict_for
from .content import TextField, collect_texts, iter_records, languages, missing_translations
from .media_ownership import foreign_media_findings
from .precedents import precedent_findings

LANGUAGE_NAMES = {
    "ky": {"ky": "кыргызча", "ru": "кыргызском"},
    "ru": {"ky": "орусча", "ru": "русском"},
}


@dataclass
class ReviewFinding:
    """A checker finding placed in the object: which field, which language."""

    location: str
    lang: str
    rule_id: str
    category: str
    action: str
    start: int
    end: int
    excerpt: str
    message: dict[str, str]
    text: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Review:
    findings: list[ReviewFinding] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return verdict_for(self.findings)

    @property
    def flags(self) -> list[ReviewFinding]:
        return [finding for finding in self.findings if finding.action == "review"]

    def as_comment(self) -> str:
        """The findings as an editor reads them in the workflow history: both languages."""
        lines = []
        for finding in self.findings:
            where = f"{finding.location} ({finding.lang})" if finding.lang else finding.location
            quoted = f" «{finding.excerpt}»" if finding.excerpt else ""
            lines.append(f"• {where}{quoted}: {finding.message['ky']} / {finding.message['ru']}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}


def review_object(obj, facts: SchoolFacts, site=None) -> Review:
    """Every automatic check of ``obj`` and its inline records, as they would be published at
    the school ``site``."""
    texts = collect_texts(obj)
    review = review_texts(texts, facts)
    review.findings += precedent_findings(texts, facts)
    review.findings += missing_translation_findings(obj)
    review.findings += missing_consent_findings(obj)
    review.findings += foreign_media_findings(obj, site)
    return review


def review_texts(texts: list[TextField], facts: SchoolFacts) -> Review:
    """The prohibited-content and consistency checks of some texts."""
    review = Review()
    for text_field in texts:
        result_findings = list(check(text_field.text, text_field.lang).findings)
        result_findings += find_discrepancies(text_field.text, facts)
        for finding in result_findings:
            review.findings.append(
                ReviewFinding(
                    location=text_field.location,
                    lang=text_field.lang,
                    rule_id=finding.rule_id,
                    category=finding.category,
                    action=finding.action,
                    start=finding.start,
                    end=finding.end,
                    excerpt=finding.excerpt,
                    message=dict(finding.message),
                    text=text_field.text,
                )
            )
    return review


def missing_translation_findings(obj) -> list[ReviewFinding]:
    """A reject finding for each text filled in one language and empty in another."""
    findings = []
    for missing in missing_translations(obj):
        names = LANGUAGE_NAMES.get(missing.missing_lang, {"ky": missing.missing_lang, "ru": ""})
        findings.append(
            ReviewFinding(
                location=missing.location,
                lang=missing.missing_lang,
                rule_id="bilingual-completeness",
                category="bilingual",
                action="reject",
                start=0,
                end=0,
                excerpt="",
                message={
                    "ky": f"«{missing.location}» талаасы {names['ky']} толтурулган эмес. "
                    "Мазмун эки тилде тең жарыяланышы керек: котормосун кошуңуз.",
                    "ru": f"Поле «{missing.location}» не заполнено на {names['ru']} языке. "
                    "Содержимое публикуется на обоих языках: добавьте перевод.",
                },
            )
        )
    return findings


NO_CONSENT = gettext_lazy(
    "%(name)s has no consent recorded: enter the date of the signed consent "
    "or remove the person and their photo."
)


def rejection(location: str, rule_id: str, category: str, text, **params) -> ReviewFinding:
    """A reject finding about the object itself, not words in its text: ``text`` (a lazy
    translation) in every language the editor may read."""
    message = {}
    for lang in languages():
        with translation.override(lang):
            message[lang] = str(text) % params if params else str(text)
    return ReviewFinding(
        location=location,
        lang="",
        rule_id=rule_id,
        category=category,
        action="reject",
        start=0,
        end=0,
        excerpt="",
        message=message,
    )


def missing_consent_findings(obj) -> list[ReviewFinding]:
    """A reject finding for each person the page names or shows without a recorded consent
    (003 §6.2)."""
    return [
        rejection(location, "consent-missing", "consent", NO_CONSENT, name=str(record))
        for location, record in iter_records(obj)
        if getattr(record, "publishing_requires_consent", False) and not record.consent_date
    ]

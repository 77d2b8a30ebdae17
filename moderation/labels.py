"""How the checker's findings are shown to people (the admin, e-mails, the queue): the names of
its categories and actions, and the words found, marked in their sentence."""

from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Characters of the text shown on each side of the marked words.
CONTEXT_CHARS = 80

CATEGORY_LABELS = {
    "violence": _("Violence or threats"),
    "extremism": _("Extremism or terrorism"),
    "strife": _("Ethnic or religious hostility"),
    "social_status": _("Discrimination"),
    "defamation": _("Defamation or insult"),
    "unrelated": _("Advertising or unrelated content"),
    "drugs": _("Drugs"),
    "suicide": _("Suicide or self-harm"),
    "obscenity": _("Obscene language"),
    "discrepancy": _("Differs from the school's records"),
    "bilingual": _("Missing translation"),
    "precedent": _("Like a text a moderator sent back"),
    "consent": _("No consent to publication"),
    "foreign_media": _("Another school's file"),
}

ACTION_LABELS = {
    "reject": _("rejected"),
    "review": _("for a moderator"),
    "accept": _("accepted"),
}


def category_label(category: str) -> str:
    label = CATEGORY_LABELS.get(category)
    return str(label) if label is not None else category


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def reader_language() -> str:
    """The language of the person reading (the admin's active language): ky or ru."""
    lang = (get_language() or "ky").split("-")[0]
    return lang if lang in ("ky", "ru") else "ky"


def highlighted(finding: dict) -> str:
    """The finding's sentence with the offending words marked, as safe HTML."""
    text, start, end = finding.get("text", ""), finding["start"], finding["end"]
    if not text or start >= end:
        return format_html("{}", finding["excerpt"])
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if start > CONTEXT_CHARS else "",
        before,
        text[start:end],
        after,
        "…" if end + CONTEXT_CHARS < len(text) else "",
    )


def shown_flag(flag: dict, lang: str) -> dict:
    """A stored flag as a moderator reads it: the passage marked, the category's label and the
    reason in the reader's language (Kyrgyz when there is none in it)."""
    message = flag.get("message", {})
    return dict(
        flag,
        html=highlighted(flag),
        category_label=category_label(flag.get("category", "")),
        reason=message.get(lang) or message.get("ky"),
    )

"""What the checker's categories are called for people (the admin, e-mails, the queue)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

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

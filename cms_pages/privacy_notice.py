"""The privacy notice every school starts with: what the school keeps of a visitor's message,
why, who reads it and whom to ask (003 §6.2). The school may rewrite it; how long the data is
kept is not part of this text but shown from the settings by the page itself.
"""

from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

DEFAULT_NOTICE = (
    ("heading", gettext_noop("What we keep")),
    (
        "paragraph",
        gettext_noop(
            "When you write to the school through this site, we keep your name, the e-mail "
            "address or phone number you give for the answer, the topic and text of your "
            "message, the language you wrote in and when you agreed to the processing of your "
            "data. We do not store your internet address."
        ),
    ),
    ("heading", gettext_noop("Why")),
    (
        "paragraph",
        gettext_noop(
            "Only to answer you and to keep a record of the answer. If you allow it, the school "
            "may publish your question and its answer on the questions page, without your name "
            "or contacts."
        ),
    ),
    ("heading", gettext_noop("Who reads it")),
    (
        "paragraph",
        gettext_noop(
            "The school's site administrators and the director. A message that the automatic "
            "check flags is read first by the school's content moderators."
        ),
    ),
    ("heading", gettext_noop("Your rights and whom to ask")),
    (
        "paragraph",
        gettext_noop(
            "You may ask the school what it keeps about you, and ask it to correct or delete "
            "it. Write to the school or call it: its address and phones are on the Contacts "
            "page."
        ),
    ),
)


def default_privacy_notice() -> dict[str, list[dict]]:
    """The default notice as StreamField content (stored form), per site language."""
    bodies = {}
    for code in ("ky", "ru"):
        with translation.override(code):
            bodies[code] = [
                {
                    "type": kind,
                    "value": _(text) if kind == "heading" else f"<p>{escape(_(text))}</p>",
                }
                for kind, text in DEFAULT_NOTICE
            ]
    return bodies

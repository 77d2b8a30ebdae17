"""How much of Wagtail's admin a school's staff read in their language (issue 15).

Wagtail ships no Kyrgyz catalogue and its Russian one has gaps; the project's own translations
of its messages live in locale/upstream/ (LOCALE_PATHS). This counts, for each Wagtail app a
school role meets, the messages of Wagtail's English catalogue (the source of every message)
that the running installation translates, through the same catalogues Django uses.

Needs polib (a development dependency): used by benchmarks/catalogue_coverage.py and the tests.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import wagtail
from django.utils import translation

# The Wagtail apps whose screens a school role opens (forms, redirects, search promotions and
# the style guide are not installed or not offered to schools).
APPS = (
    "admin",
    "",
    "images",
    "users",
    "documents",
    "snippets",
    "locales",
    "sites",
    "contrib/settings",
    "contrib/typed_table_block",
    "embeds",
    "search",
)
DOMAINS = ("django", "djangojs")


@dataclass
class Coverage:
    language: str
    total: int = 0
    translated: int = 0
    missing: list = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.translated / self.total if self.total else 1.0


def english_entries(domains=DOMAINS):
    """Every message of the English catalogues of APPS, once: (domain, context, id, plural)."""
    import polib

    root = Path(wagtail.__file__).parent
    seen = set()
    for app in APPS:
        for domain in domains:
            path = root / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not path.exists():
                continue
            for entry in polib.pofile(str(path)):
                key = (domain, entry.msgctxt, entry.msgid, entry.msgid_plural)
                if entry.obsolete or key in seen:
                    continue
                seen.add(key)
                yield key


def catalogue(language: str, domain: str) -> dict:
    """The merged catalogue Django serves for `language`: the project's, then the apps'."""
    if domain == "django":
        return translation.trans_real.translation(language)._catalog
    return translation.trans_real.DjangoTranslation(language, domain="djangojs")._catalog


def coverage(language: str) -> Coverage:
    result = Coverage(language)
    catalogues = {domain: catalogue(language, domain) for domain in DOMAINS}
    for domain, context, message, plural in english_entries():
        key = f"{context}\x04{message}" if context else message
        found = catalogues[domain].get((key, 0) if plural else key)
        result.total += 1
        if found:
            result.translated += 1
        else:
            result.missing.append((domain, context, message, plural))
    return result


def english_giveaways(language: str, domains=DOMAINS) -> set[str]:
    """Wagtail's plain English messages (no placeholder or markup, three letters or more), but
    those the language's catalogues write the same way (URL, ID ...): one of them on a screen
    means a text left in English, whether its translation is missing or the screen does not
    ask for it. For the tests that read the admin's screens."""
    same = {domain: catalogue(language, domain) for domain in domains}
    return {
        message.strip()
        for domain, context, message, plural in english_entries(domains)
        if not (plural or context or re.search(r"[%{<]", message) or len(message) < 3)
        and same[domain].get(message) != message
    }

"""Words and their keys for the site search, the same way for the index and for a query.

The search indexes each page's text already cut into words: every word as written (lower case,
ё as е) and, beside it, its key in the text's language (Russian: the Snowball stemmer; Kyrgyz:
`kyrgyz_suffixes`). A visitor's query is cut the same way, in the visitor's language, and each
of its words matches either as written or by its key, so "лицензии" finds "Лицензия" and
"уставын" finds "устав". The database's own full-text search then only compares whole words,
with no stemming of its own (PostgreSQL's 'simple' configuration, SQLite's FTS5 tokenizer), so
both databases find the same pages.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from .kyrgyz_suffixes import kyrgyz_stems

WORD = re.compile(r"[^\W_]+")
# Short words that a visitor types between the words that matter ("приём в 1 класс") and that a
# page may not contain in that place; a query made only of them keeps them.
QUERY_STOP_WORDS = {
    "ru": frozenset(
        [
            "в",
            "во",
            "на",
            "о",
            "об",
            "обо",
            "с",
            "со",
            "к",
            "ко",
            "по",
            "за",
            "из",
            "от",
            "до",
            "для",
            "у",
            "а",
            "и",
            "но",
            "или",
            "ли",
            "же",
        ]
    ),
    "ky": frozenset(["жана", "менен", "же", "үчүн", "боюнча", "дагы", "да", "де"]),
}


@cache
def _russian_stemmer():
    return snowballstemmer.stemmer("russian")


def normalise(word: str) -> str:
    return word.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    """The words of `text`, lower case, ё as е; punctuation and hyphens separate words."""
    return [normalise(word) for word in WORD.findall(text)]


@lru_cache(maxsize=1 << 16)
def forms(word: str, language: str) -> tuple[str, ...]:
    """A normalised word as written and its keys in the given language (cached per word: the
    same words come back in every page the search index saves)."""
    if language == "ru":
        return tuple(dict.fromkeys((word, _russian_stemmer().stemWord(word))))
    if language == "ky":
        return tuple(dict.fromkeys((word, *kyrgyz_stems(word))))
    return (word,)


def index_words(texts, language: str) -> list[str]:
    """Every word of `texts` and every key, once each, in order of first appearance."""
    seen = {}
    for text in texts:
        for word in words(text):
            for form in forms(word, language):
                seen.setdefault(form, None)
    return list(seen)


@dataclass(frozen=True)
class QueryWord:
    """One word of a query, as written and keyed: a page word matches it when the two share a
    form."""

    forms: tuple[str, ...]

    def matches(self, word: str, language: str) -> bool:
        return not set(self.forms).isdisjoint(forms(word, language))


def query_words(query: str, language: str) -> list[QueryWord]:
    """The query's words with their keys; short joining words are left out when others remain."""
    found = words(query)
    meaningful = [word for word in found if word not in QUERY_STOP_WORDS.get(language, ())]
    return [QueryWord(forms(word, language)) for word in dict.fromkeys(meaningful or found)]

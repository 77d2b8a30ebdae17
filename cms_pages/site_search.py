"""The site search: a visitor's query, in the visitor's language, over one school's public pages.

Each query word must match (as written or by its key, see `word_forms`); the pages come from
the database's full-text index, most relevant first. Each result says where the page sits
(its section) and shows the passage of the page that matched, in the visitor's language.
"""

import functools
import operator
from dataclasses import dataclass

from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.search.query import PlainText

from .searchable import SearchablePage
from .word_forms import WORD, QueryWord, normalise, query_words

EXCERPT_BEFORE = 60
EXCERPT_AFTER = 140


@dataclass(frozen=True)
class Excerpt:
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class SearchResult:
    page: Page
    # Titles from the top section down to the page itself; empty for a page right under home.
    section: list[str]
    excerpt: Excerpt | None


def find_pages(site: Site, query: str, language: str):
    """The site's live public pages that match every word of the query; None without words."""
    words = query_words(query, language)
    if not words:
        return None
    clauses = [PlainText(" ".join(word.forms), operator="or") for word in words]
    # Wagtail's `.public()`, not visibility.public_pages: the search backends turn a query's
    # filters into their own, and know path prefixes but not an EXISTS subquery.
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().public()
    return pages.specific().search(functools.reduce(operator.and_, clauses))


def describe(
    pages, site: Site, query: str, known: dict[str, Page] | None = None
) -> list[SearchResult]:
    """The pages of one page of results with their sections and excerpts.

    The section titles come from `known` pages by path (the request's site tree) or else one
    query reads them all; one query reads the documents the pages link to, and the excerpts
    read each page's public records.
    """
    language = translation.get_language()
    words = query_words(query, language)
    sections = section_titles(pages, site, known or {})
    read_linked_documents(pages)
    return [
        SearchResult(
            page=page,
            section=[*sections[page.pk], page.title] if sections[page.pk] else [],
            excerpt=excerpt(page, words, language),
        )
        for page in pages
    ]


def read_linked_documents(pages) -> None:
    """The documents the pages link to themselves (their excerpts quote the titles), read in
    one query for all of them instead of one per document."""
    holders = {}
    for page in pages:
        spec = getattr(page, "disclosure_fields", None)
        for name in spec.documents if spec else ():
            field = page._meta.get_field(name)
            pk = getattr(page, field.attname)
            if pk is not None and not field.is_cached(page):
                holders.setdefault(pk, []).append((page, field))
    if not holders:
        return
    documents = get_document_model().objects.in_bulk(list(holders))
    for pk, links in holders.items():
        for page, field in links:
            field.set_cached_value(page, documents.get(pk))


def section_titles(pages, site: Site, known: dict[str, Page]) -> dict[int, list[str]]:
    """For each page, the titles of its ancestors below the school's home page."""
    home_depth = site.root_page.depth
    steplen = Page.steplen
    paths = {
        page.pk: [page.path[: steplen * depth] for depth in range(home_depth + 1, page.depth)]
        for page in pages
    }
    wanted = {path for page_paths in paths.values() for path in page_paths}
    titles = {path: known[path].title for path in wanted if path in known}
    if wanted - titles.keys():
        titles = dict(Page.objects.filter(path__in=wanted).values_list("path", "title"))
    return {
        pk: [titles[path] for path in page_paths if path in titles]
        for pk, page_paths in paths.items()
    }


def excerpt(page: Page, words: list[QueryWord], language: str) -> Excerpt | None:
    """The passage of the page that matches most query words, cut around its first match."""
    texts = page.searchable_texts(language) if isinstance(page, SearchablePage) else []
    best, best_count = None, 0
    for text in texts:
        matches = [
            found
            for found in WORD.finditer(text)
            if any(word.matches(normalise(found.group()), language) for word in words)
        ]
        count = len({normalise(found.group()) for found in matches})
        if count > best_count:
            best, best_count = (text, matches[0]), count
    if best is None:
        return None
    text, found = best
    return Excerpt(
        before=_cut_before(text[: found.start()]),
        match=found.group(),
        after=_cut_after(text[found.end() :]),
    )


def _cut_before(text: str) -> str:
    if len(text) <= EXCERPT_BEFORE:
        return text
    cut = text[-EXCERPT_BEFORE:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _cut_after(text: str) -> str:
    if len(text) <= EXCERPT_AFTER:
        return text
    cut = text[:EXCERPT_AFTER]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"

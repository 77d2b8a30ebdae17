"""What the site search knows of a page: its public text in each language, as words and keys.

A page type takes part by inheriting `SearchablePage` before `Page`; its text is found where the
type already declares it:
- `search_texts`, when a type names them: its own fields (translated ones per language; rich
  text and StreamFields give their text without markup);
- otherwise its `disclosure_fields`: its texts, rich texts and StreamFields, document titles,
  the labels and numbers of its facts, and its records through the same page methods the API
  uses, which apply the visibility rules (a person without consent is never read, so never indexed);
- a type with text elsewhere overrides `searchable_texts`.

Titles go to the field the search backends rank first, so a page named by the query comes
before a page that only mentions it. Wagtail re-indexes a page when it is saved; a page's
records are written after that save, so the page is indexed again once it is published
(`connect`).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published

from .serialization import LANGUAGE_CODES
from .word_forms import index_words


def _model_field(obj, name: str):
    try:
        return obj._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_texts(obj, name: str, language: str) -> list[str]:
    """The text of `obj.name` in `language`: the translated column when there is one, the text
    of rich text and StreamFields, a choice's label in that language, a document's title."""
    field = _model_field(obj, f"{name}_{language}") or _model_field(obj, name)
    if field is None:
        value = getattr(obj, name, None)
        return [str(value)] if value else []
    value = getattr(obj, field.name)
    if value is None or value == "":
        return []
    if field.is_relation:
        return [value.title] if hasattr(value, "title") else []
    if field.choices:
        with translation.override(language):
            return [str(dict(field.flatchoices).get(value, value))]
    if hasattr(field, "get_searchable_content"):
        return [str(text) for text in field.get_searchable_content(value) if text]
    # Addresses (URLs) are not words a visitor types; numbers, phones and e-mails are.
    if isinstance(field, models.CharField | models.TextField) and not isinstance(
        field, models.URLField
    ):
        return [value]
    return []


def record_text(record, language: str) -> str:
    """One record in one line: its texts, the labels and numbers of its facts, its documents
    and its own public records."""
    spec = record.disclosure_fields
    parts = []
    for name in (*spec.texts, *spec.facts, *spec.documents):
        parts.extend(field_texts(record, name, language))
    for method in spec.records.values():
        parts.extend(record_text(inner, language) for inner in getattr(record, method)())
    return ", ".join(part for part in parts if part)


def disclosure_texts(page, language: str) -> list[str]:
    spec = page.disclosure_fields
    texts = []
    for name in (*spec.texts, *spec.rich_texts, *spec.streams, *spec.facts, *spec.documents):
        if name != "title":
            texts.extend(field_texts(page, name, language))
    for method in spec.records.values():
        texts.extend(record_text(record, language) for record in getattr(page, method)())
    return texts


class StemmedTitles(index.SearchField):
    """The page's titles in every language, as words and keys, in the backends' title field."""

    def __init__(self):
        super().__init__("title", boost=2)

    def get_value(self, obj):
        words = []
        for language in LANGUAGE_CODES:
            words += index_words([getattr(obj, f"title_{language}", "") or ""], language)
        return " ".join(words)


class SearchablePage:
    """Mixin for page types the site search finds by their text (see the module docstring)."""

    search_texts: tuple[str, ...] = ()
    # Page's own fields stay (the admin's searches use them); the title as typed is then in
    # the title field twice, which changes nothing of what is found.
    search_fields = [*Page.search_fields, StemmedTitles(), index.SearchField("search_words")]

    def searchable_texts(self, language: str) -> list[str]:
        """The page's public text in `language` below its title, one item per paragraph or
        record; the search's excerpts are cut from these."""
        if not self.search_texts and hasattr(self, "disclosure_fields"):
            return disclosure_texts(self, language)
        texts = []
        for name in self.search_texts:
            texts.extend(field_texts(self, name, language))
        return texts

    def search_words(self) -> str:
        words = []
        for language in LANGUAGE_CODES:
            words += index_words(self.searchable_texts(language), language)
        return " ".join(words)


def reindex_published_page(sender, instance, **kwargs):
    if isinstance(instance, SearchablePage):
        index.insert_or_update_object(instance)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="cms_pages.reindex_published")

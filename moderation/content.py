"""The text of a page revision, field by field and language by language.

Reads every translatable field (modeltranslation's `_ky`/`_ru` columns) of the page and of its
inline records (modelcluster child relations), so the checks see exactly what would be published.
A StreamField (general pages) is read block by block: headings, paragraphs, descriptions and
captions, table captions, headings and cells, contact cards and call-outs, each with its place.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.contrib.typed_table_block.blocks import TypedTable
from wagtail.rich_text import RichText


@dataclass(frozen=True)
class TextField:
    """One piece of text: where it lives (for the editor) and in which language."""

    location: str
    lang: str
    text: str


def translated_field_names(model) -> list[str]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(options.all_fields)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def record_label(record, index: int) -> str:
    return f"{record._meta.verbose_name} {index}"


def iter_records(obj, prefix: str = ""):
    """The object itself, then each inline record and the records nested in it (a management
    body's people), with a human label for each."""
    yield prefix, obj
    for relation in get_all_child_relations(type(obj)):
        accessor = relation.get_accessor_name()
        for index, record in enumerate(getattr(obj, accessor).all(), start=1):
            label = record_label(record, index)
            yield from iter_records(record, f"{prefix}, {label}" if prefix else label)


def block_label(block) -> str:
    return capfirst(str(block.label))


def stream_texts(stream: StreamValue, location: str) -> Iterator[tuple[str, str]]:
    """(place, text) for every text in a StreamField value; blocks are numbered per type,
    e.g. "Content: Table 2, row 3, Year"."""
    numbers = Counter()
    for child in stream:
        numbers[child.block_type] += 1
        where = f"{location}: {block_label(child.block)} {numbers[child.block_type]}"
        yield from block_texts(child.value, where)


def block_texts(value, location: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, StreamValue):
        yield from stream_texts(value, location)
    elif isinstance(value, StructValue):
        for name, child in value.items():
            label = block_label(value.block.child_blocks[name])
            yield from block_texts(child, f"{location}, {label}")
    elif isinstance(value, ListValue | list | tuple):
        for index, item in enumerate(value, start=1):
            yield from block_texts(item, f"{location}, {index}")
    elif isinstance(value, TypedTable):
        yield from block_texts(value.caption, f"{location}, {_('caption')}")
        for column in value.columns:
            yield from block_texts(column["heading"], f"{location}, {_('column heading')}")
        for number, row in enumerate(value.row_data, start=1):
            for column, cell in zip(value.columns, row["values"], strict=False):
                heading = column["heading"] or block_label(column["block"])
                where = f"{location}, {_('row')} {number}, {heading}"
                yield from block_texts(cell, where)
    elif isinstance(value, RichText):
        yield location, value.source
    elif isinstance(value, str):
        yield location, value


def has_text(value) -> bool:
    return any(text.strip() for _where, text in block_texts(value, "") if isinstance(text, str))


def field_texts(value, location: str) -> Iterator[tuple[str, str]]:
    """(place, text) for one field's value in one language; empty texts are left out."""
    pairs = stream_texts(value, location) if isinstance(value, StreamValue) else [(location, value)]
    for where, text in pairs:
        if isinstance(text, str) and text.strip():
            yield where, text


def collect_texts(obj) -> list[TextField]:
    """Every non-empty translatable text of `obj` and its inline records."""
    texts = []
    for prefix, record in iter_records(obj):
        model = type(record)
        for name in translated_field_names(model):
            label = field_label(model, name)
            location = f"{prefix}: {label}" if prefix else label
            for lang in languages():
                value = getattr(record, f"{name}_{lang}", None)
                for where, text in field_texts(value, location):
                    texts.append(TextField(where, lang, text))
    return texts


@dataclass(frozen=True)
class MissingTranslation:
    location: str
    missing_lang: str


def missing_translations(obj) -> list[MissingTranslation]:
    """Texts filled in one language and empty in another: incomplete for a bilingual site."""
    missing = []
    for prefix, record in iter_records(obj):
        model = type(record)
        for name in translated_field_names(model):
            label = field_label(model, name)
            location = f"{prefix}: {label}" if prefix else label
            values = {lang: getattr(record, f"{name}_{lang}", None) for lang in languages()}
            filled = {lang for lang, value in values.items() if any(field_texts(value, location))}
            if filled and len(filled) < len(values):
                for lang in sorted(set(values) - filled):
                    missing.append(MissingTranslation(location, lang))
            elif filled:
                missing += missing_blocks(values, location)
    return missing


def missing_blocks(values: dict, location: str) -> list[MissingTranslation]:
    """For StreamFields filled in every language: a kind of block (a table, a contact card)
    that one language has fewer of than another, e.g. a table left untranslated."""
    streams = {lang: value for lang, value in values.items() if isinstance(value, StreamValue)}
    if len(streams) < len(values):
        return []
    counts = {
        lang: Counter(child.block_type for child in stream if has_text(child.value))
        for lang, stream in streams.items()
    }
    labels = {child.block_type: block_label(child.block) for s in streams.values() for child in s}
    missing = []
    for block_type in sorted(labels):
        most = max(count[block_type] for count in counts.values())
        for lang, count in sorted(counts.items()):
            if count[block_type] < most:
                missing.append(MissingTranslation(f"{location}: {labels[block_type]}", lang))
    return missing

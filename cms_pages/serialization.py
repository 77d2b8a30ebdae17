"""How a public page and its records become JSON, for the pages API, the disclosure document,
the announcements endpoint and the OpenAPI description.

Each page type and record type declares its fields once (`DisclosureFields`); the same declaration
gives the Wagtail API fields, the JSON of the disclosure document and the JSON Schema of the
OpenAPI description (api_schema.py), so the three cannot drift apart. Text fields appear in both
languages side by side (`name_ky`, `name_ru`); facts appear once.
"""

import datetime
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from rest_framework import serializers
from wagtail.api import APIField

from .api_html import block_list, public_rich_text
from .api_images import image_data

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class Nested:
    """Objects reached from another: `source` is a relation, attribute or method of it (which
    applies the visibility rules), `fields` how each object is shown; `many` a list or one."""

    source: str
    fields: "DisclosureFields"
    many: bool = True


@dataclass(frozen=True)
class DisclosureFields:
    """The public fields of a page or record type.

    texts: translated text fields; facts: single-valued fields (dates, numbers, phones, choices);
    documents: foreign keys to documents; records: output name -> name of the page method that
    returns the public records (typed `-> list[Record]`; each record declares its own fields);
    rich_texts: translated rich text, given as sanitised HTML; streams: translated StreamFields,
    given as a list of blocks with sanitised HTML; images: image foreign key -> translated field
    of its alternative text (or None); nested: output name -> `Nested`.
    """

    texts: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    records: dict[str, str] = field(default_factory=dict)
    rich_texts: tuple[str, ...] = ()
    streams: tuple[str, ...] = ()
    images: dict[str, str | None] = field(default_factory=dict)
    nested: dict[str, Nested] = field(default_factory=dict)

    def entries(self) -> list[tuple[str, Callable]]:
        """(output name, value getter) for every public field, in a stable order."""
        entries = [
            (f"{name}_{lang}", text_getter(f"{name}_{lang}"))
            for name in self.texts
            for lang in LANGUAGE_CODES
        ]
        entries += [(name, fact_getter(name)) for name in self.facts]
        entries += [
            (f"{name}_{lang}", rich_text_getter(name, lang))
            for name in self.rich_texts
            for lang in LANGUAGE_CODES
        ]
        entries += [
            (f"{name}_{lang}", stream_getter(name, lang))
            for name in self.streams
            for lang in LANGUAGE_CODES
        ]
        entries += [(name, image_getter(name, alt)) for name, alt in self.images.items()]
        entries += [(name, document_getter(name)) for name in self.documents]
        entries += [(name, records_getter(method)) for name, method in self.records.items()]
        entries += [(name, nested_getter(spec)) for name, spec in self.nested.items()]
        return entries

    def api_fields(self) -> list[APIField]:
        return [
            APIField(name, serializer=PublicValue(getter=getter)) for name, getter in self.entries()
        ]


def object_data(obj, spec: DisclosureFields, request=None) -> dict:
    return {name: getter(obj, request) for name, getter in spec.entries()}


def fact_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def document_data(document, request=None) -> dict | None:
    """A document as the public sees it: title, download address, format and size in bytes."""
    if document is None:
        return None
    url = document.url
    return {
        "title": document.title,
        "url": request.build_absolute_uri(url) if request else url,
        "format": document.file_extension.lower(),
        "size": document.file_size,
    }


def text_getter(attname):
    # An untranslated text is an empty string, never null: a client tests one thing.
    return lambda obj, request: getattr(obj, attname) or ""


def fact_getter(name):
    return lambda obj, request: fact_value(getattr(obj, name))


def rich_text_getter(name, lang):
    return lambda obj, request: public_rich_text(getattr(obj, f"{name}_{lang}"), lang, request)


def stream_getter(name, lang):
    return lambda obj, request: block_list(getattr(obj, f"{name}_{lang}"), lang, request)


def image_getter(name, alt):
    def get(obj, request):
        texts = {lang: getattr(obj, f"{alt}_{lang}") if alt else "" for lang in LANGUAGE_CODES}
        return image_data(getattr(obj, name), texts, request)

    return get


def document_getter(name):
    return lambda obj, request: document_data(getattr(obj, name), request)


def records_getter(method):
    def get(obj, request):
        return [
            object_data(record, record.disclosure_fields, request)
            for record in getattr(obj, method)()
        ]

    return get


def nested_getter(spec: Nested):
    def get(obj, request):
        value = source_value(obj, spec.source)
        if not spec.many:
            return None if value is None else object_data(value, spec.fields, request)
        return [object_data(item, spec.fields, request) for item in value]

    return get


def source_value(obj, source: str):
    value = getattr(obj, source)
    if isinstance(value, models.Manager):
        return value.all()
    return value() if callable(value) else value


def source_model(model, source: str):
    """The model of the objects `source` gives: a relation's, or a method's annotated return."""
    try:
        return model._meta.get_field(source).related_model
    except FieldDoesNotExist:  # a method: its annotation says
        pass
    hints = typing.get_type_hints(getattr(model, source))
    returned = hints.get("return")
    for candidate in (returned, *typing.get_args(returned)):
        if isinstance(candidate, type) and issubclass(candidate, models.Model):
            return candidate
    raise TypeError(f"{model.__name__}.{source} must be annotated with the model it returns")


class PublicValue(serializers.Field):
    """One declared field in Wagtail's pages API: its getter reads the whole object."""

    def __init__(self, getter, **kwargs):
        self.getter = getter
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value):
        return self.getter(value, self.context.get("request"))

"""How a disclosure page and its records become JSON, for the pages API and the disclosure document.

Each page type and record type declares its fields once (`DisclosureFields`); the same declaration
gives the Wagtail API fields and the disclosure document, so the two cannot drift apart. Text
fields appear in both languages side by side (`name_ky`, `name_ru`); facts appear once.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from rest_framework import serializers
from wagtail.api import APIField

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class DisclosureFields:
    """The public fields of a page or record type.

    texts: translated text fields; facts: single-valued fields (dates, numbers, phones, choices);
    documents: foreign keys to documents; records: output name -> name of the page method that
    returns the public records (the method applies the visibility rules).
    """

    texts: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    records: dict[str, str] = field(default_factory=dict)

    def api_fields(self) -> list[APIField]:
        fields = [APIField(f"{name}_{lang}") for name in self.texts for lang in LANGUAGE_CODES]
        fields += [APIField(name, serializer=FactField()) for name in self.facts]
        fields += [APIField(name, serializer=DocumentField()) for name in self.documents]
        fields += [
            APIField(name, serializer=RecordsField(source=method))
            for name, method in self.records.items()
        ]
        return fields


def fact_value(value):
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


def object_data(obj, spec: DisclosureFields, request=None) -> dict:
    data = {}
    for name in spec.texts:
        for lang in LANGUAGE_CODES:
            data[f"{name}_{lang}"] = getattr(obj, f"{name}_{lang}") or ""
    for name in spec.facts:
        data[name] = fact_value(getattr(obj, name))
    for name in spec.documents:
        data[name] = document_data(getattr(obj, name), request)
    for name, method in spec.records.items():
        data[name] = [
            object_data(record, record.disclosure_fields, request)
            for record in getattr(obj, method)()
        ]
    return data


class FactField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return fact_value(value)


class DocumentField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return document_data(value, self.context.get("request"))


class RecordsField(serializers.Field):
    """The records a page method returns; DRF calls the method, as it does any callable source."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        return [object_data(record, record.disclosure_fields, request) for record in value]

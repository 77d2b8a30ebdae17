"""The text of a page revision, field by field and language by language.

Reads every translatable field (modeltranslation's `_ky`/`_ru` columns) of the page and of its
inline records (modelcluster child relations), so the checks see exactly what would be published.
"""

from dataclasses import dataclass

from django.conf import settings
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator


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
                if isinstance(value, str) and value.strip():
                    texts.append(TextField(location, lang, value))
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
            values = {lang: getattr(record, f"{name}_{lang}", None) for lang in languages()}
            filled = {
                lang for lang, value in values.items() if isinstance(value, str) and value.strip()
            }
            if filled and len(filled) < len(values):
                label = field_label(model, name)
                location = f"{prefix}: {label}" if prefix else label
                for lang in sorted(set(values) - filled):
                    missing.append(MissingTranslation(location, lang))
    return missing

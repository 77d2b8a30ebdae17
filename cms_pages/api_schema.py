"""The JSON Schema of a declared set of public fields (serialization.DisclosureFields), for the
OpenAPI description: derived from the same declaration and the model's own field definitions, so
the description cannot drift from what the API returns."""

from django.db import models

from .api_images import RENDITIONS
from .serialization import LANGUAGE_CODES, DisclosureFields, source_model

STRING = {"type": "string"}
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
POSITIVE_INTEGER_FIELDS = (
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
)

DOCUMENT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "url", "format", "size"],
    "properties": {
        "title": STRING,
        "url": {"type": "string", "format": "uri"},
        "format": STRING,
        "size": {"type": ["integer", "null"], "minimum": 0},
    },
}
RENDITION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["url", "width", "height"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
    },
}
ALT_TEXTS = [f"alt_{lang}" for lang in LANGUAGE_CODES]
IMAGE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "width", "height", *ALT_TEXTS, "renditions"],
    "properties": {
        "id": {"type": "integer"},
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
        **dict.fromkeys(ALT_TEXTS, STRING),
        "renditions": {
            "type": "object",
            "additionalProperties": False,
            "required": list(RENDITIONS),
            "properties": dict.fromkeys(RENDITIONS, RENDITION),
        },
    },
}
BLOCK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["type", "id", "html"],
    "properties": {"type": STRING, "id": {"type": ["string", "null"]}, "html": STRING},
}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def fact_schema(model_field: models.Field) -> dict:
    if model_field.choices:
        schema = {"enum": [value for value, _label in model_field.flatchoices]}
    elif isinstance(model_field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(model_field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(model_field, models.DecimalField):
        schema = {"type": "string", "pattern": DECIMAL_PATTERN}
    elif isinstance(model_field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(model_field, models.IntegerField):
        schema = {"type": "integer"}
        if isinstance(model_field, POSITIVE_INTEGER_FIELDS):
            schema["minimum"] = 0
    elif isinstance(model_field, models.FloatField):
        schema = {"type": "number"}
    elif isinstance(model_field, (models.CharField, models.TextField)):
        schema = dict(STRING)
    else:
        raise TypeError(f"No JSON type for {model_field!r}: declare it among the texts or add one")
    return nullable(schema) if model_field.null else schema


def fields_schema(model, spec: DisclosureFields) -> dict:
    """`properties` and `required` of an object serialised by `object_data(obj, spec)`."""
    properties = {}
    for name in spec.texts + spec.rich_texts:
        for lang in LANGUAGE_CODES:
            properties[f"{name}_{lang}"] = STRING
    for name in spec.facts:
        properties[name] = fact_schema(model._meta.get_field(name))
    for name in spec.streams:
        for lang in LANGUAGE_CODES:
            properties[f"{name}_{lang}"] = {"type": "array", "items": BLOCK}
    for name in spec.images:
        properties[name] = nullable(IMAGE)
    for name in spec.documents:
        properties[name] = nullable(DOCUMENT)
    for name, method in spec.records.items():
        record_model = source_model(model, method)
        properties[name] = {
            "type": "array",
            "items": object_schema(record_model, record_model.disclosure_fields),
        }
    for name, nested in spec.nested.items():
        item = object_schema(source_model(model, nested.source), nested.fields)
        properties[name] = {"type": "array", "items": item} if nested.many else nullable(item)
    # Entries keep the declaration's order: the same order as the JSON the API returns.
    order = [name for name, _getter in spec.entries()]
    return {"properties": {name: properties[name] for name in order}, "required": order}


def object_schema(model, spec: DisclosureFields) -> dict:
    schema = fields_schema(model, spec)
    return {
        "type": "object",
        "additionalProperties": False,
        "required": schema["required"],
        "properties": schema["properties"],
    }
